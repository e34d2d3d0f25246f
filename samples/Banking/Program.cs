// The Banking warehouse's command line: generate, deploy, run, test, analyze, plan, status (see --help).
// The compiled model travels in this assembly; the runner renders its manifest and SQL in memory. The bank's data
// generator (Lake/) is the sample's own, passed to the runner as an extension.
return await Warehouse.Deploy.Cli.WarehouseCli.RunAsync(args, Warehouse.Generated.WarehouseModel.Assembly, Banking.BankingRunner.Extensions);
