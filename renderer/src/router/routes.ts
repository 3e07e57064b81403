import type { Component } from 'svelte';
import type { IconName } from '../components/icon-paths';

/**
 * The route table. Every page is loaded with a dynamic `import()`, so each becomes its own
 * chunk and the first load carries only the shell (sidebar, router, API client).
 */
export interface AppRoute {
  path: string;
  /** Used in the sidebar and in the document title ("Runs · Skiff"). */
  title: string;
  load: () => Promise<{ default: Component }>;
  /** Present on routes listed in the sidebar. */
  icon?: IconName;
}

export const routes: readonly AppRoute[] = [
  {
    path: '/',
    title: 'Overview',
    icon: 'overview',
    load: () => import('../pages/overview/OverviewPage.svelte'),
  },
  {
    path: '/pipelines',
    title: 'Pipelines',
    icon: 'pipelines',
    load: () => import('../pages/pipelines/PipelinesPage.svelte'),
  },
  {
    path: '/runs',
    title: 'Runs',
    icon: 'runs',
    load: () => import('../pages/runs/RunsPage.svelte'),
  },
  {
    path: '/experiments',
    title: 'Experiments',
    icon: 'experiments',
    load: () => import('../pages/experiments/ExperimentsPage.svelte'),
  },
  {
    path: '/recurring-runs',
    title: 'Recurring runs',
    icon: 'recurring',
    load: () => import('../pages/recurring-runs/RecurringRunsPage.svelte'),
  },
  {
    path: '/tuning',
    title: 'Tuning',
    icon: 'tuning',
    load: () => import('../pages/tuning/TuningPage.svelte'),
  },
  {
    path: '/serving',
    title: 'Serving',
    icon: 'serving',
    load: () => import('../pages/serving/ServingPage.svelte'),
  },
  {
    path: '/notebooks',
    title: 'Notebooks',
    icon: 'notebooks',
    load: () => import('../pages/notebooks/NotebooksPage.svelte'),
  },
  {
    path: '/monitoring',
    title: 'Monitoring',
    icon: 'monitoring',
    load: () => import('../pages/monitoring/MonitoringPage.svelte'),
  },
  {
    path: '/cluster',
    title: 'Cluster',
    icon: 'cluster',
    load: () => import('../pages/cluster/ClusterPage.svelte'),
  },
  {
    path: '/settings',
    title: 'Settings',
    icon: 'settings',
    load: () => import('../pages/settings/SettingsPage.svelte'),
  },
  {
    path: '/pipelines/:id',
    title: 'Pipeline',
    load: () => import('../pages/pipelines/PipelineDetailPage.svelte'),
  },
  {
    path: '/runs/new',
    title: 'New run',
    load: () => import('../pages/run-create/CreateRunPage.svelte'),
  },
  {
    path: '/compare',
    title: 'Compare runs',
    load: () => import('../pages/compare/ComparePage.svelte'),
  },
  {
    path: '/experiments/:id',
    title: 'Experiment',
    load: () => import('../pages/experiments/ExperimentDetailPage.svelte'),
  },
  {
    path: '/recurring-runs/:id',
    title: 'Recurring run',
    load: () => import('../pages/recurring-runs/RecurringRunDetailPage.svelte'),
  },
  {
    path: '/targets/:name/runs/:runId',
    title: 'Remote run',
    load: () => import('../pages/targets/RemoteRunPage.svelte'),
  },
  {
    path: '/runs/:id',
    title: 'Run',
    load: () => import('../pages/runs/RunDetailPage.svelte'),
  },
];

export const notFoundRoute: AppRoute = {
  path: '*',
  title: 'Not found',
  load: () => import('../pages/not-found/NotFoundPage.svelte'),
};

export const navRoutes = routes.filter((route) => route.icon !== undefined);
