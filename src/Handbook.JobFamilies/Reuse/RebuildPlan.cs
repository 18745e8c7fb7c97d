namespace Handbook.JobFamilies.Reuse;

/// <summary>
/// Which family pages a build runs the first half for (<see cref="Rebuild"/>) and which it restores from the stored
/// state (<see cref="Restore"/>); or, when <see cref="IsFull"/>, that every family is built (<see cref="Reason"/> says why).
/// </summary>
public sealed class RebuildPlan
{
    private RebuildPlan(bool isFull, string reason, IReadOnlySet<string> rebuild, IReadOnlySet<string> restore)
    {
        IsFull = isFull;
        Reason = reason;
        Rebuild = rebuild;
        Restore = restore;
    }

    public bool IsFull { get; }

    /// <summary>Why every family is built (empty for a partial plan).</summary>
    public string Reason { get; }

    /// <summary>Source paths of the families to parse and expand (every family when <see cref="IsFull"/>).</summary>
    public IReadOnlySet<string> Rebuild { get; }

    /// <summary>Source paths of the families to take from the stored state (none when <see cref="IsFull"/>).</summary>
    public IReadOnlySet<string> Restore { get; }

    public static RebuildPlan Full(string reason, IEnumerable<string> families) =>
        new(true, reason, families.ToHashSet(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));

    public static RebuildPlan Partial(IReadOnlySet<string> rebuild, IReadOnlySet<string> restore) =>
        new(false, string.Empty, rebuild, restore);

    /// <summary>
    /// True when every family a rebuilt family's statements now resolve to is rebuilt too. A restored family has no
    /// tree to copy bullets from, so a statement that found a restored family (an edited statement, a new target)
    /// means the build must start again as a full one.
    /// </summary>
    public bool Covers(IEnumerable<string> resolvedTargets)
    {
        ArgumentNullException.ThrowIfNull(resolvedTargets);
        return IsFull || resolvedTargets.All(Rebuild.Contains);
    }
}
