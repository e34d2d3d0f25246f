using System.Net;
using System.Net.Sockets;

namespace Warehouse.Testing.Servers;

/// <summary>Asks the OS for a free loopback port. Another process may take it before the server binds, so callers retry.</summary>
static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
