// Types of embedded-init.mjs (plain JavaScript: bin/faena.mjs imports it before anything is transpiled).
export declare const EMBEDDED_POSTGRESQL_CONF: string[]
export declare const isEmbeddedClusterCreated: (dir: string) => boolean
export declare function createEmbeddedClusterInChild(dir: string): Promise<void>
export declare function embeddedClusterReady(dir: string): Promise<void>
export declare function startEmbeddedClusterForCommand(argv: string[], env: NodeJS.ProcessEnv): void
