namespace Handbook.Pipeline.Stages;

using System.Collections.Concurrent;
using Handbook.Pipeline.Diagnostics;

/// <summary>
/// The diagnostics of one stage filed by owner: the document a per-document stage was processing when it reported
/// them. Diagnostics of other stages are filed by their location's path (see <c>Site</c>).
/// </summary>
internal sealed class DiagnosticAttribution
{
    private readonly ConcurrentDictionary<string, IReadOnlyList<Diagnostic>> _byOwner = new(StringComparer.Ordinal);

    public void Add(string owner, IReadOnlyList<Diagnostic> diagnostics)
    {
        if (diagnostics.Count > 0)
        {
            _byOwner.AddOrUpdate(owner, diagnostics, (_, existing) => [.. existing, .. diagnostics]);
        }
    }

    public IEnumerable<KeyValuePair<string, IReadOnlyList<Diagnostic>>> Entries => _byOwner;
}
