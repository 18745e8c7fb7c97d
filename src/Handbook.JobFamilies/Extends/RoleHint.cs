namespace Handbook.JobFamilies.Extends;

/// <summary>A role name offered in a "did you mean" hint, with its distance from the name the statement gave.</summary>
internal sealed record RoleHint(string Name, int Distance)
{
    /// <summary>Nearest first, then by name (ordinal): the hint's order.</summary>
    public static int Closer(RoleHint x, RoleHint y)
    {
        var byDistance = x.Distance.CompareTo(y.Distance);
        return byDistance != 0 ? byDistance : string.CompareOrdinal(x.Name, y.Name);
    }
}
