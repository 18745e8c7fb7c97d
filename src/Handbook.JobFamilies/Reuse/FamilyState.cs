namespace Handbook.JobFamilies.Reuse;

using Handbook.JobFamilies.Model;
using Handbook.JobFamilies.Parsing;
using Handbook.Pipeline.Diagnostics;

/// <summary>
/// Everything a one-shot build knows about a family page once <c>RenderBodyHtml</c> has run, without the Markdown tree:
/// what the stages after it read (issue 9: per-family reuse across builds, so a build after one commit runs the first
/// half only for the families it changed). <see cref="FamilyStateCodec"/> turns it into bytes and back.
/// </summary>
/// <param name="Path">The page's identity from its path (<see cref="JobFamilyKeys.PathInfo"/>).</param>
/// <param name="Family">The tree-less model (<see cref="SyntaxTreeRelease"/>: <see cref="JobFamily.BodyFacts"/> set,
/// no block of a tree in it); its <see cref="JobFamily.FrontMatter"/> and <see cref="JobFamily.SourceMap"/> are the
/// page's <see cref="JobFamilyKeys.FrontMatter"/> and <see cref="JobFamilyKeys.SourceMap"/>.</param>
/// <param name="ListedFolders">The folders the page lists through ERB (<see cref="JobFamilyKeys.ListedFolders"/>), or null when ERB set none.</param>
/// <param name="BodyUtf8">The sanitised body HTML as UTF-8, the bytes <see cref="JobFamilyKeys.BodyHtmlUtf8"/> holds.</param>
/// <param name="Diagnostics">What the stages up to <c>RenderBodyHtml</c> reported for the page, in the order reported.</param>
public sealed record FamilyState(
    FamilyPathInfo Path,
    JobFamily Family,
    IReadOnlyList<string>? ListedFolders,
    byte[] BodyUtf8,
    IReadOnlyList<Diagnostic> Diagnostics);
