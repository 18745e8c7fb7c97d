namespace Handbook.Site.Caching;

using System.Security.Cryptography;
using Handbook.JobFamilies.Parsing;
using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;
using Handbook.Site.Building;

/// <summary>
/// The keys of per-family reuse: one build-wide key and each family page's text hash. The build-wide key holds
/// everything the first half of a build (reading front matter … rendering bodies) reads besides the family pages'
/// own texts: the tool, the base URL, settings.yml, every other input file (partials, the grade table, data, images,
/// theme assets) and the paths of the family pages, and what reading reported. The theme's templates are not in it:
/// the first half does not read them (the whole-build fingerprint has them, and a changed theme still reuses families).
/// Git history is not in it either: nothing in the first half reads it.
/// </summary>
/// <param name="BuildKey">The build-wide key.</param>
/// <param name="TextHashes">Source path → SHA-256 of the text, for each family page, in input order.</param>
public sealed record FamilyReuseKey(string BuildKey, IReadOnlyDictionary<string, string> TextHashes)
{
    public static FamilyReuseKey Of(IReadOnlyList<Document> inputs, IReadOnlyList<Diagnostic> readDiagnostics, BuildRequest request)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(readDiagnostics);
        ArgumentNullException.ThrowIfNull(request);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Add(hash, FamilyReuseStore.FormatVersion);
        Add(hash, BuildFingerprint.ToolIdentity.Value);
        Add(hash, request.BaseUrl ?? "\0no-base-url");
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var document in inputs)
        {
            if (document.Bytes is not null || !FamilyPath.TryParse(document.SourcePath, out _))
            {
                BuildFingerprint.AddInput(hash, document);
            }
            else
            {
                // Its text is its own key: only that it is a family page belongs to the build-wide key.
                Add(hash, document.SourcePath);
                Add(hash, document.Destination ?? "\0");
                Add(hash, "family");
                texts[document.SourcePath] = Convert.ToHexStringLower(DigestWhenRead.DigestOf(document));
            }
        }

        BuildFingerprint.AddSettingsAndReadDiagnostics(hash, request.InputFolder, readDiagnostics);

        return new FamilyReuseKey(Convert.ToHexStringLower(hash.GetHashAndReset()), texts);
    }

    private static void Add(IncrementalHash hash, string text) => BuildFingerprint.Add(hash, text);

    private static void Add(IncrementalHash hash, ReadOnlySpan<byte> part) => BuildFingerprint.Add(hash, part);
}
