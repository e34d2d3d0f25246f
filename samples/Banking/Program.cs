foreach (var (path, content) in Warehouse.Generated.WarehouseModel.Artifacts)
{
    var file = System.IO.Path.Combine(args[0], path);
    System.IO.Directory.CreateDirectory(System.IO.Path.GetDirectoryName(file)!);
    System.IO.File.WriteAllText(file, content);
}
