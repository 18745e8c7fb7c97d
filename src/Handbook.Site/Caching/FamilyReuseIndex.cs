namespace Handbook.Site.Caching;

using Handbook.JobFamilies.Reuse;

/// <summary>
/// What a build with <c>--cache</c> records for the next one to reuse its families (issue 9, per-family reuse): the
/// build-wide key it was made under (<see cref="FamilyReuseKey"/>) and, per family page, its text hash, stored entry,
/// extends targets and names. One index per cache folder, replaced by every build that builds families.
/// </summary>
/// <param name="BuildKey">The build-wide key (<see cref="FamilyReuseKey.BuildKey"/>); another key means nothing is reused.</param>
/// <param name="Families">Every family page of the build, in input order.</param>
public sealed record FamilyReuseIndex(string BuildKey, IReadOnlyList<IndexedFamily> Families);

/// <summary>One family page of a <see cref="FamilyReuseIndex"/>.</summary>
/// <param name="SourcePath">The page's input-relative path.</param>
/// <param name="TextHash">The hash of its text as read (<see cref="FamilyReuseKey.TextHashes"/>).</param>
/// <param name="EntryKey">The stored state's key in the entries folder; empty when none was stored (the page is then built by the next build).</param>
/// <param name="Targets">The family pages its extends statements reached, transitively.</param>
/// <param name="Signature">Its names (URL, title, roles, sections) as parsed.</param>
public sealed record IndexedFamily(string SourcePath, string TextHash, string EntryKey, IReadOnlyList<string> Targets, FamilySignature Signature);
