// The Banking warehouse's command line: generate, deploy, run, test, analyze, plan, status (see --help).
// The compiled model travels in this assembly; the runner renders its manifest and SQL in memory.
return await Warehouse.Deploy.Cli.WarehouseCli.RunAsync(args, Warehouse.Generated.WarehouseModel.Assembly);
