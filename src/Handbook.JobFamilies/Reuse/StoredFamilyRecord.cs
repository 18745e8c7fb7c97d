namespace Handbook.JobFamilies.Reuse;

/// <summary>
/// What the previous build recorded about one family page for <see cref="RebuildPlanner"/>: the hash of its text and
/// the family pages its "extends" statements reached (transitively, the <c>DependsOn</c> of
/// <c>ExpandExtendsStatements</c>).
/// </summary>
/// <param name="SourcePath">The page's input-relative path.</param>
/// <param name="TextHash">The hash of the page's text as read (its key: an unchanged text gives the same family).</param>
/// <param name="Targets">The source paths of the families it inherits from, directly or through others.</param>
public sealed record StoredFamilyRecord(string SourcePath, string TextHash, IReadOnlyList<string> Targets);
