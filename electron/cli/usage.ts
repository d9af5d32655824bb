export const USAGE = `Tessera — sales territory design on an H3 hexagon grid.

Usage:
  tessera create <file> [--resolution r] [--json]     create an empty workspace (default r = 7)
                                                      with an empty baseline scenario
  tessera demo <file> [--resolution r] [--accounts n] [--reps n] [--seed s] [--force] [--json]
                                                      write the demo workspace (contiguous US)
  tessera info <file> [--json]                        describe a workspace
  tessera serve [<file>] [--port p] [--data-dir d]    open a workspace (default: the demo) in the
                                                      browser shell on 127.0.0.1
  tessera balance --workspace <ws> --scenario <name> --mode build|realign [--territories K]
          --measure <name>[:weight[:tolerance]] ... [--tolerance t] [--seed s] [--into <new scenario>] [--json]
                                                      balance a scenario (build: from scratch, the
                                                      scenario is created when missing; realign:
                                                      move as little as possible); one undo step
  tessera metrics --workspace <ws> --scenario <name> [--against <name>] [--measure m ...] [--tolerance t] [--json]
                                                      balance, contiguity and travel figures
  tessera import accounts|reps|alignment <file> --workspace <ws> [--map field=Column ...]
          [--mapping <saved name>] [--sheet <name>] [--decimal .|,] [--missing missing|zero|reject]
          [--remove-missing] [--save-mapping <name>] [--scenario <new scenario>] [--no-fill]
          [--rejects <out.csv>] [--json]
                                                      import a CSV/TSV/Excel file (alignment: also
                                                      GeoJSON); fields: id name lat lon postal
                                                      country capacity territory rep region
                                                      measure[:key] attribute[:key] ignore
  tessera scenario list --workspace <ws> [--json]   scenarios with their figures and how far each
                                                      is from the baseline
  tessera scenario branch --workspace <ws> --from <name> --name <new> [--json]
                                                      copy a scenario into a new one
  tessera scenario compare --workspace <ws> --base <a> --other <b> [--csv <out.csv>] [--bom] [--json]
                                                      what moves from a to b: per territory, per
                                                      account; --csv writes the change list
  tessera scenario promote|rename|note|lock|unlock|archive|restore|delete|baseline
          --workspace <ws> --name <scenario> [--to <new name>] [--text <note>] [--json]
                                                      manage scenarios (promote: make the baseline's
                                                      plan this one's, one undo step in the baseline)
  tessera resolution --workspace <ws> --to <res> [--json]
                                                      change the H3 resolution (0–15): every
                                                      scenario's alignment is carried over; clears
                                                      undo history; reports accounts that moved
  tessera export geojson|kml|shp|csv|xlsx|png|pdf --workspace <ws> --scenario <name> --out <path>
          [--table assignments|postal|metrics] [--bom] [--paper A4|A3|Letter|Legal|Tabloid]
          [--orientation landscape|portrait] [--dpi d] [--title t]
          [--mode territory|density|deviation] [--show-accounts] [--force] [--json]
                                                      write a scenario's territory boundaries
                                                      (GeoJSON, KML, zipped Shapefile), the CRM
                                                      assignment CSV, postal code → territory CSV,
                                                      the metrics report (CSV, XLSX), or the map
                                                      (PNG, PDF with the metrics pages; drawn in
                                                      a headless Chromium/Chrome/Edge, or the one
                                                      TESSERA_BROWSER names); --out may be a folder;
                                                      --force replaces an existing file
  tessera import actuals <file> --workspace <ws> [--map id=Column] [--map period=Column]
          [--map measure[:key]=Column ...] [--rejects <out.csv>] [--json]
                                                      actual results per account and month or
                                                      quarter; the file's periods replace their
                                                      earlier actuals
  tessera goals set --workspace <ws> --scenario <name> --measure <m> --total <n>
          --by <measure>[:weight],... [--round step] [--json]
                                                      split a goal total by each territory's share
                                                      of a measure or blend, rounded, summing to
                                                      the total; goals follow their cells
  tessera goals territory|recompute|list --workspace <ws> --scenario <name> [--measure <m>]
          [--territory <name> --goal <n>] [--json]    set one territory's goal, derive them again,
                                                      or list them
  tessera attainment --workspace <ws> --scenario <name> [--measure m] [--period p ...]
          [--threshold t] [--potential m] [--json]    actual against goal per territory and period,
                                                      trend, potential left, flagged territories
  tessera bench [--out dir] [--suite all|foundation|balancing|scenarios|export|exact|import|scale]
                                                      run the benchmarks, write JSON
  tessera help                                        this text

Exit codes: 0 success, 1 error (message on stderr), 2 usage error.`;
