namespace Handbook.Site.Theming;

using Fluid.Values;

/// <summary>
/// Keeps what a member read of a shared template value gave, so the next read of that member hands the same value back
/// instead of going through Fluid's member access again (<see cref="SharedLinkValue"/>, <see cref="SharedCellValue"/>).
/// </summary>
internal static class RememberedRead
{
    /// <summary>
    /// <paramref name="read"/>, its value kept in <paramref name="slot"/> when the read completed at once (the views'
    /// members are plain properties); a read that did not is handed back without being kept.
    /// </summary>
    public static ValueTask<FluidValue> Keep(ValueTask<FluidValue> read, ref FluidValue? slot)
    {
        if (read.IsCompletedSuccessfully)
        {
            slot = read.Result;
        }

        return read;
    }
}
