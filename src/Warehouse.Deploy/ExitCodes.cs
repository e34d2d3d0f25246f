namespace Warehouse.Deploy;

/// <summary>The documented process exit codes of every command.</summary>
public static class ExitCodes
{
    public const int Ok = 0;
    public const int BadInput = 1;
    public const int TargetUnreachable = 2;
    public const int TestsFailed = 3;
    public const int LockHeld = 4;
    public const int SqlFailure = 5;
}
