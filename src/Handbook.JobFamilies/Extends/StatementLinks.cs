namespace Handbook.JobFamilies.Extends;

using Handbook.JobFamilies.Model;

/// <summary>
/// The family pages a family's "extends" statements link to. A statement reaches another page only through such a
/// link (or by a role name searched on every page, which <see cref="BatchFamilyLookup"/> detects), so these are what
/// a batch must parse besides its own pages – the current build's batches and the historic ones alike (issue 9).
/// </summary>
public static class StatementLinks
{
    /// <summary>The normalised URLs (<see cref="FamilyLookup.Normalize"/>) of the family pages the statements of
    /// <paramref name="family"/> link to, found as the resolver finds them (<see cref="StatementFinder"/>), in statement
    /// order, repeats included.</summary>
    public static IEnumerable<string> FamilyUrlsOf(JobFamily family) => FamilyUrlsOf(StatementFinder.Find(family));

    /// <summary>As <see cref="FamilyUrlsOf(JobFamily)"/>, with the statements found through <paramref name="statements"/>
    /// (found once for the batch that reads them again when it resolves).</summary>
    public static IEnumerable<string> FamilyUrlsOf(JobFamily family, FoundStatementsMemo statements)
    {
        ArgumentNullException.ThrowIfNull(statements);
        return FamilyUrlsOf(statements.Find(family));
    }

    private static IEnumerable<string> FamilyUrlsOf(IReadOnlyList<FoundStatement> statements)
    {
        foreach (var found in statements)
        {
            foreach (var target in found.Statement.Targets)
            {
                if (target.Link is { } link && FamilyLookup.IsFamilyUrl(link))
                {
                    yield return FamilyLookup.Normalize(link);
                }
            }
        }
    }
}
