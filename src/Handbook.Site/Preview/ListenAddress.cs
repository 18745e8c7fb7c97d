namespace Handbook.Site.Preview;

using System.Net;
using System.Net.Sockets;

/// <summary>Turns the <c>--host</c> value into the address Kestrel binds.</summary>
public static class ListenAddress
{
    /// <summary>The address for <paramref name="host"/>: an IP literal, <c>localhost</c> (IPv4 loopback), or a name resolved once.</summary>
    public static IPAddress Resolve(string host)
    {
        if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
        {
            return IPAddress.Loopback;
        }

        if (IPAddress.TryParse(host.Trim('[', ']'), out var address))
        {
            return address;
        }

        try
        {
            var addresses = Dns.GetHostAddresses(host);
            return addresses.FirstOrDefault(a => a.AddressFamily == AddressFamily.InterNetwork) ?? addresses.First();
        }
        catch (SocketException e)
        {
            throw new IOException($"cannot resolve host '{host}': {e.Message}", e);
        }
    }

    /// <summary>The URL a browser uses for <paramref name="address"/>:<paramref name="port"/>.</summary>
    public static Uri UrlFor(IPAddress address, int port)
    {
        var host = address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]" : address.ToString();
        return new Uri($"http://{host}:{port}/");
    }
}
