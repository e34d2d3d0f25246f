using Banking.Lake;
using Warehouse.Deploy.Cli;

namespace Banking;

/// <summary>What the bank adds to the runner: its own data generator, the seed's files (Lake/).</summary>
public static class BankingRunner
{
    public static WarehouseExtensions Extensions { get; } = new() { LakeGenerator = new LakeGenerator() };
}
