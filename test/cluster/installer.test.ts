import { startFakeKubeApi } from '../support/kube-api-harness.js';
import { installerSuite } from './installer-suite.js';

installerSuite('fake API server', startFakeKubeApi);
