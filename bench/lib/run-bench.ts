/** Runs a bench's main: prints what it returns (its Markdown table) on stdout, or the error and exits 1. */
export function runBench(main: () => Promise<string>): void {
  main().then(
    (table) => console.log(table),
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}
