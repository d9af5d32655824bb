export const USAGE = `Tessera — sales territory design on an H3 hexagon grid.

Usage:
  tessera create <file> [--resolution r] [--json]     create an empty workspace (default r = 7)
  tessera demo <file> [--resolution r] [--accounts n] [--reps n] [--seed s] [--force] [--json]
                                                      write the demo workspace (contiguous US)
  tessera info <file> [--json]                        describe a workspace
  tessera serve [<file>] [--port p] [--data-dir d]    open a workspace (default: the demo) in the
                                                      browser shell on 127.0.0.1
  tessera balance --workspace <ws> --scenario <name> --mode build|realign [--territories K]
          --measure <name>[:weight] ... [--tolerance t] [--seed s] [--into <new scenario>] [--json]
                                                      balance a scenario (build: from scratch, the
                                                      scenario is created when missing; realign:
                                                      move as little as possible); one undo step
  tessera metrics --workspace <ws> --scenario <name> [--measure m ...] [--tolerance t] [--json]
                                                      balance, contiguity and travel figures
  tessera import accounts|reps|alignment <file> --workspace <ws> [--map field=Column ...]
          [--mapping <saved name>] [--sheet <name>] [--decimal .|,] [--missing missing|zero|reject]
          [--remove-missing] [--save-mapping <name>] [--scenario <new scenario>] [--no-fill]
          [--rejects <out.csv>] [--json]
                                                      import a CSV/TSV/Excel file (alignment: also
                                                      GeoJSON); fields: id name lat lon postal
                                                      country capacity territory rep region
                                                      measure[:key] attribute[:key] ignore
  tessera bench [--out dir] [--suite all|foundation|balancing|import]
                                                      run the benchmarks, write JSON
  tessera help                                        this text

Exit codes: 0 success, 1 error (message on stderr), 2 usage error.`;
