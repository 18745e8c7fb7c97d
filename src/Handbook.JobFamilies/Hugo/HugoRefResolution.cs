namespace Handbook.JobFamilies.Hugo;

/// <summary>The result of <see cref="HugoRef.Lookup"/>.</summary>
/// <param name="Outcome">What was found.</param>
/// <param name="Url">The URL with the ref's anchor (<see cref="HugoRefOutcome.Found"/>, <see cref="HugoRefOutcome.Unchecked"/>); otherwise null.</param>
/// <param name="Matches">The URLs of the pages with the name (<see cref="HugoRefOutcome.Ambiguous"/>), or of the pages whose
/// name is nearest to it (<see cref="HugoRefOutcome.NotInInput"/>: a typo's suggestions, maybe none); otherwise empty.</param>
public sealed record HugoRefResolution(HugoRefOutcome Outcome, string? Url, IReadOnlyList<string> Matches)
{
    public static HugoRefResolution Of(HugoRefOutcome outcome, string? url = null) => new(outcome, url, []);
}
