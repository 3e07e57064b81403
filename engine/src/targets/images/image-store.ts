/**
 * What pushing a pipeline's images asks of Docker, as a small port: look an image up,
 * tag it, push it. The dockerode adapter lives in docker-image-store.ts; tests of the
 * retag logic can hand in a fake.
 */

export interface LocalImage {
  /** Docker has the image. */
  present: boolean;
  /** Digests it has in registries; none means it was built (or retagged) here. */
  repoDigests: string[];
}

/** Docker's auth config for one registry (X-Registry-Auth). */
export interface RegistryAuth {
  username: string;
  password: string;
  serveraddress?: string;
}

export interface ImageStore {
  inspect(image: string): Promise<LocalImage>;
  /** `docker tag SOURCE REPOSITORY:TAG`. */
  tag(source: string, repository: string, tag: string): Promise<void>;
  /**
   * `docker push REPOSITORY:TAG`; resolves when the push stream ends without an error
   * message, rejects with the daemon's message otherwise. `onLine` gets progress lines.
   */
  push(
    repository: string,
    tag: string,
    options: { auth?: RegistryAuth; onLine?: (line: string) => void },
  ): Promise<void>;
}
