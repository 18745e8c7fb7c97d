namespace Handbook.Site.History.Settings;

/// <summary>
/// The <c>history:</c> block of <c>input/settings.yml</c>: whether to build versioned pages, the oldest day to
/// show (UTC; null: all of the visible history) and how many versions a family shows at most (newest first).
/// </summary>
public sealed record HistorySettings(bool Enabled = true, DateOnly? Since = null, int MaxVersions = HistorySettings.DefaultMaxVersions)
{
    public const int DefaultMaxVersions = 50;

    public static HistorySettings Default { get; } = new();
}
