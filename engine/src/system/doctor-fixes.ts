/** How to get each missing piece, per platform: the "→ fix" lines of `skiff doctor`. */

export const KIND_VERSION = 'v0.27.0';

export const NVIDIA_DRIVER_FIX =
  'Check the NVIDIA driver: run `nvidia-smi`; if it fails, reinstall the driver (e.g. `sudo apt-get install nvidia-driver`) and reboot.';

export const NO_GPU_FIX =
  'For GPU work: a machine with an NVIDIA GPU, its driver (`nvidia-smi` must answer) and the NVIDIA Container Toolkit.';

export const NVIDIA_TOOLKIT_FIX =
  'Install the NVIDIA Container Toolkit, then `sudo nvidia-ctk runtime configure --runtime=docker && sudo systemctl restart docker`.';

export function dockerInstallFix(platform: NodeJS.Platform): string {
  return platform === 'linux'
    ? 'Install it with `sudo apt-get install docker.io` (Debian/Ubuntu) or Docker Desktop (https://docs.docker.com/desktop/), then start it: `sudo systemctl start docker`.'
    : 'Install Docker Desktop (https://docs.docker.com/desktop/) and start it.';
}

export function dockerStartFix(platform: NodeJS.Platform): string {
  return platform === 'linux'
    ? 'Start it: `sudo systemctl start docker` (or open Docker Desktop); to use it without sudo: `sudo usermod -aG docker $USER` and log in again.'
    : 'Start Docker Desktop.';
}

export function chromiumFix(platform: NodeJS.Platform): string {
  return platform === 'linux'
    ? 'Install it: `sudo apt-get install chromium` (Debian) or `sudo snap install chromium` (Ubuntu), or Google Chrome.'
    : 'Install Google Chrome or Chromium and put it on PATH.';
}

export function kindFix(platform: NodeJS.Platform, arch: string): string {
  return `\`go install sigs.k8s.io/kind@${KIND_VERSION}\`, or download the binary from https://github.com/kubernetes-sigs/kind/releases (e.g. \`curl -Lo kind https://kind.sigs.k8s.io/dl/${KIND_VERSION}/kind-${goOs(platform)}-${goArch(arch)} && chmod +x kind && sudo mv kind /usr/local/bin/\`).`;
}

export function k3dFix(): string {
  return '`curl -s https://raw.githubusercontent.com/k3d-io/k3d/main/install.sh | bash`, or download the binary from https://github.com/k3d-io/k3d/releases and put it on PATH.';
}

export function kubectlFix(platform: NodeJS.Platform, arch: string): string {
  return `Download it: \`curl -LO "https://dl.k8s.io/release/$(curl -Ls https://dl.k8s.io/release/stable.txt)/bin/${goOs(platform)}/${goArch(arch)}/kubectl" && sudo install kubectl /usr/local/bin/\`, or install it from your package manager (https://kubernetes.io/docs/tasks/tools/).`;
}

export function inotifyFix(watches: number, instances: number): string {
  const settings = `fs.inotify.max_user_watches=${watches} fs.inotify.max_user_instances=${instances}`;
  const file = `fs.inotify.max_user_watches=${watches}\\nfs.inotify.max_user_instances=${instances}\\n`;
  return `\`sudo sysctl ${settings}\`; to keep it after a reboot: \`printf '${file}' | sudo tee /etc/sysctl.d/99-skiff-inotify.conf\`.`;
}

function goOs(platform: NodeJS.Platform): string {
  return platform === 'win32' ? 'windows' : platform;
}

function goArch(arch: string): string {
  if (arch === 'x64') return 'amd64';
  if (arch === 'ia32') return '386';
  return arch;
}
