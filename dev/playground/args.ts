// The command line of `npm start`.

const DEFAULT_PORT = 8080;

export function parseArgs(argv: string[], env: NodeJS.ProcessEnv): { port: number; reset: boolean } {
  let port = env.PORT ? Number(env.PORT) : DEFAULT_PORT;
  let reset = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--reset') reset = true;
    else if (arg === '--port') port = Number(argv[++i]);
    else if (arg.startsWith('--port=')) port = Number(arg.slice('--port='.length));
    else throw new Error(`Unknown option ${arg}. Options: --port N, --reset.`);
  }
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error('The port must be a whole number from 0 to 65535.');
  return { port, reset };
}
