namespace Warehouse.Deploy;

/// <summary>An expected failure: the CLI prints its message as one line and exits with <see cref="ExitCode"/>.</summary>
public sealed class WarehouseException(int exitCode, string message, Exception? inner = null) : Exception(message, inner)
{
    public int ExitCode { get; } = exitCode;
}
