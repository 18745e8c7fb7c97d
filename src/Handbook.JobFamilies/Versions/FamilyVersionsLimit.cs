namespace Handbook.JobFamilies.Versions;

/// <summary>Applies the <c>history.since</c> and <c>history.max_versions</c> settings to a family's versions.</summary>
public static class FamilyVersionsLimit
{
    /// <summary>
    /// Keeps the versions dated on or after <paramref name="since"/> (UTC midnight of that day) and at most
    /// <paramref name="maxVersions"/> of them, newest first. Apply after folding, so folded whitespace commits do not
    /// use up the budget.
    /// </summary>
    public static FamilyHistory Apply(FamilyHistory history, DateOnly? since, int? maxVersions)
    {
        ArgumentNullException.ThrowIfNull(history);
        IEnumerable<PageVersion> versions = history.Versions;
        if (since is { } day)
        {
            var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            versions = versions.Where(v => v.Date >= start);
        }

        if (maxVersions is { } max)
        {
            versions = versions.Take(Math.Max(max, 0));
        }

        return history with { Versions = versions.ToList() };
    }
}
