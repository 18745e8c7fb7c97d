namespace Handbook.Site.Preview;

using Microsoft.Extensions.Hosting;

/// <summary>
/// Replaces the host's console lifetime: Ctrl+C and SIGTERM belong to the CLI, which cancels the token given to
/// <see cref="PreviewServer.StartAsync"/>. Two handlers for one signal would race to stop the server.
/// </summary>
internal sealed class ExternalLifetime : IHostLifetime
{
    public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
