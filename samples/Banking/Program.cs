// The Banking warehouse's command line: generate, deploy, run, test, analyze, plan, status (see --help).
// The compiled model (manifest and SQL) comes from the generator; the runner needs nothing else.
return await Warehouse.Deploy.Cli.WarehouseCli.RunAsync(args, Warehouse.Generated.WarehouseModel.Artifacts);
