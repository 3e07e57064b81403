/** The bundled platform as data: platform.yaml, each component's objects, images, sizing. */
export {
  loadPlatformManifest,
  parsePlatformManifest,
  profileComponents,
} from './platform-manifest.js';
export {
  kustomizationResources,
  objectRef,
  parseObjects,
  readComponentObjects,
  type ComponentObject,
  type KubeObject,
} from './component-objects.js';
export { images, imagesInText, isPinnedImage } from './image-references.js';
export {
  parseQuantity,
  podTemplate,
  steadyRequests,
  workloadContainers,
  type WorkloadContainer,
} from './workload-resources.js';
export { formatGiB, profileFigures, type ProfileFigures } from './profile-figures.js';
