namespace Handbook.Site.Tests.Support;

/// <summary>Waits, bounded, for a running preview (in-process or a separate process) to reach a state.</summary>
public static class Polling
{
    /// <summary>The first non-null value <paramref name="probe"/> returns, asked every 100 ms; a <see cref="TimeoutException"/> after <paramref name="patience"/>.</summary>
    public static Task<string> UntilAsync(TimeSpan patience, Func<string?> probe) => UntilAsync(patience, () => Task.FromResult(probe()));

    /// <inheritdoc cref="UntilAsync(TimeSpan, Func{string?})"/>
    public static async Task<string> UntilAsync(TimeSpan patience, Func<Task<string?>> probe)
    {
        ArgumentNullException.ThrowIfNull(probe);
        var deadline = DateTime.UtcNow + patience;
        while (DateTime.UtcNow < deadline)
        {
            if (await probe() is { } value)
            {
                return value;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("the preview did not reach the expected state in time");
    }
}
