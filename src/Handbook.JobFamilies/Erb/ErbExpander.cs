namespace Handbook.JobFamilies.Erb;

using System.Text;
using Handbook.JobFamilies.Parsing;
using Handbook.Pipeline.Diagnostics;

/// <summary>
/// Expands the ERB subset GitLab's job-family pages use, without running Ruby: <c>job_families('dept')</c>,
/// <c>partial(...)</c> with string locals, locals inside partials, <c>&lt;%# comments %&gt;</c> and <c>&lt;%%</c>.
/// Every other construct is an ERB001 error at its position and prints nothing. See README.md.
/// </summary>
public static class ErbExpander
{
    /// <summary>How deep partials may include partials before expansion stops (LIMIT010).</summary>
    public const int MaxPartialDepth = 10;

    /// <summary>
    /// How many characters a page may grow to as partials and locals are expanded (LIMIT011). The depth limit alone
    /// does not bound the size: ten partials that each include the next one ten times make 10^10 copies.
    /// Twice the largest file <c>ReadFiles</c> accepts, so an ordinary page with partials never comes near it.
    /// </summary>
    public const int MaxExpandedLength = 4 * 1024 * 1024;

    /// <summary>
    /// How many partials one page may include in all (LIMIT011): many tiny partials stay under the size limit but cost
    /// time per inclusion. Real pages include a handful.
    /// </summary>
    public const int MaxPartialInclusions = 1000;

    /// <summary>Extensions tried, in order, for a partial named <c>dir/name</c> (as <c>dir/_name&lt;ext&gt;</c>).</summary>
    public static readonly IReadOnlyList<string> PartialExtensions =
        [".erb", ".md", ".html.md.erb", ".md.erb", ".html.erb", ".html.md", ".html"];

    /// <summary>
    /// Expands <paramref name="body"/> of the page <paramref name="sourcePath"/> (input-relative). <paramref name="firstLine"/>
    /// is the 1-based line of the file where <paramref name="body"/> starts (after front matter).
    /// </summary>
    public static ErbResult Expand(
        string sourcePath, string body, IErbEnvironment env, ICollection<Diagnostic> diags, int firstLine = 1)
    {
        var output = new MappedTextBuilder();
        var context = new Expansion(env, diags, output);
        context.ExpandText(body, sourcePath, firstLine, locals: null, chain: [sourcePath]);
        return output.Build(sourcePath);
    }

    /// <summary>
    /// The input-relative paths a partial reference is looked for at, in order: beside the including file, under the
    /// input root, under <c>includes/</c>; each as <c>_name</c> with <see cref="PartialExtensions"/>. Never a page: Hugo's
    /// <c>_index.md</c> (and its other page endings) is left out (<see cref="FamilyPath.IsPartialFileName"/>), so a
    /// page's text, emptied once its front matter is read, is never included. Null when <paramref name="reference"/>
    /// leaves the input folder.
    /// </summary>
    public static IReadOnlyList<string>? PartialCandidates(string includingFile, string reference)
    {
        var normalized = NormalizeInside(reference);
        if (normalized is null)
        {
            return null;
        }

        var slash = includingFile.LastIndexOf('/');
        var bases = new List<string>();
        if (slash > 0)
        {
            bases.Add(includingFile[..slash] + "/" + normalized);
        }

        bases.Add(normalized);
        bases.Add("includes/" + normalized);

        var candidates = new List<string>();
        foreach (var b in bases.Distinct(StringComparer.Ordinal))
        {
            var cut = b.LastIndexOf('/');
            var folder = cut < 0 ? string.Empty : b[..(cut + 1)];
            var name = b[(cut + 1)..];
            var underscored = name.StartsWith('_') ? name : "_" + name;
            if (PartialExtensions.Any(e => underscored.EndsWith(e, StringComparison.Ordinal)))
            {
                candidates.Add(folder + underscored);
            }

            candidates.AddRange(PartialExtensions.Select(e => folder + underscored + e));
        }

        return candidates
            .Where(c => FamilyPath.IsPartialFileName(c[(c.LastIndexOf('/') + 1)..]))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The '/'-separated relative form of a path, or null when it is absolute or climbs out with <c>..</c>.</summary>
    internal static string? NormalizeInside(string path)
    {
        var p = path.Replace('\\', '/').Trim();
        if (p.Length == 0 || p.StartsWith('/') || p.StartsWith('~') || p.Contains(':', StringComparison.Ordinal))
        {
            return null;
        }

        var parts = p.Split('/', StringSplitOptions.RemoveEmptyEntries).Where(s => s != ".").ToList();
        return parts.Count == 0 || parts.Contains("..") ? null : string.Join('/', parts);
    }

    private sealed class Expansion(IErbEnvironment env, ICollection<Diagnostic> diags, MappedTextBuilder output)
    {
        /// <summary>Set once the output passed <see cref="MaxExpandedLength"/> or the inclusions <see cref="MaxPartialInclusions"/>: every level stops expanding.</summary>
        private bool _tooLarge;

        private int _inclusions;

        /// <summary>LIMIT011: the page grew too large or included partials too often; every level stops expanding.</summary>
        private void StopTooLarge(string message, SourceLocation location)
        {
            _tooLarge = true;
            diags.Add(Diagnostic.Error(
                ErbCodes.ExpandedTooLarge,
                message,
                location,
                "include each partial once, or fewer times, and do not let partials include each other repeatedly"));
        }

        public void ExpandText(
            string text, string path, int firstLine, IReadOnlyDictionary<string, string>? locals, IReadOnlyList<string> chain)
        {
            var lineStarts = ErbScanner.LineStarts(text);
            var pos = 0;
            foreach (var tag in ErbScanner.FindTags(text))
            {
                if (_tooLarge)
                {
                    return;
                }

                output.Append(text[pos..tag.Start], path, firstLine + ErbScanner.Position(lineStarts, pos).Line - 1);
                var location = new SourceLocation(path, firstLine + tag.Line - 1, tag.Column);
                // Checked at every tag: one piece of text or one value is at most one input file, so the output stays
                // within the limit plus one file.
                if (output.Length > MaxExpandedLength)
                {
                    StopTooLarge($"the page grows beyond {MaxExpandedLength:N0} characters as its partials are expanded; expansion stopped here", location);
                    return;
                }

                pos = tag.Start + tag.Length;
                switch (tag.Kind)
                {
                    case ErbTagKind.LiteralOpen:
                        output.Append("<%", path, location.Line);
                        break;
                    case ErbTagKind.Comment:
                        break;
                    case ErbTagKind.Unterminated:
                        diags.Add(Diagnostic.Error(
                            ErbCodes.Unterminated,
                            $"ERB tag `{tag.Display}` has no closing `%>`",
                            location,
                            "close the tag with `%>`, or write `<%%` for a literal `<%`"));
                        output.Append(tag.Source, path, location.Line);
                        pos = tag.Start + tag.Source.Length;
                        break;
                    case ErbTagKind.Code:
                        ReportUnsupported(tag, location, "statements (`<% … %>`) are not run; only `<%= job_families(…) %>`, `<%= partial(…) %>` and partial locals are supported");
                        break;
                    default:
                        Evaluate(tag, location, path, locals, chain);
                        break;
                }
            }

            if (!_tooLarge)
            {
                output.Append(text[pos..], path, firstLine + ErbScanner.Position(lineStarts, pos).Line - 1);
            }
        }

        private void Evaluate(
            ErbTag tag, SourceLocation location, string path, IReadOnlyDictionary<string, string>? locals, IReadOnlyList<string> chain)
        {
            switch (RubyExpressionParser.Parse(tag.Code))
            {
                case RubyCall { Name: "job_families" } call:
                    ListFamilies(tag, call, location);
                    break;
                case RubyCall { Name: "partial" } call:
                    IncludePartial(tag, call, location, path, locals, chain);
                    break;
                case RubyName name when locals is not null:
                    if (LookUpLocal(name.Name, locals, location, chain) is { } value)
                    {
                        output.Append(value, path, location.Line, advance: false);
                    }

                    break;
                case RubyString s:
                    output.Append(s.Value, path, location.Line, advance: false);
                    break;
                case RubyNumber n:
                    output.Append(n.Text, path, location.Line, advance: false);
                    break;
                case RubyName:
                    ReportUnsupported(tag, location, "a bare name is a partial local; pages have no locals");
                    break;
                default:
                    ReportUnsupported(tag, location, "only `<%= job_families('folder') %>`, `<%= partial(\"path\", locals: { … }) %>` and partial locals are supported");
                    break;
            }
        }

        private void ListFamilies(ErbTag tag, RubyCall call, SourceLocation location)
        {
            if (call.Arguments is not [RubyString folderArg])
            {
                ReportUnsupported(tag, location, "job_families takes one quoted folder name, e.g. job_families('sales')");
                return;
            }

            var folder = NormalizeInside(folderArg.Value);
            if (folder is null)
            {
                diags.Add(Diagnostic.Error(
                    ErbCodes.PathEscapes,
                    $"job_families folder `{folderArg.Value}` leaves the job-families folder",
                    location,
                    "name a folder below job-families/, e.g. job_families('sales')"));
                return;
            }

            var families = env.FamiliesIn(folder)
                .OrderBy(f => f.Title, StringComparer.InvariantCultureIgnoreCase)
                .ThenBy(f => f.Title, StringComparer.Ordinal)
                .ThenBy(f => f.Url, StringComparer.Ordinal)
                .ToList();
            if (families.Count == 0)
            {
                diags.Add(Diagnostic.Warning(
                    ErbCodes.NoFamilies,
                    $"job_families('{folderArg.Value}') lists nothing: no job family under job-families/{folder}/",
                    location,
                    "check the folder name (it is relative to job-families/)"));
                return;
            }

            var list = string.Join('\n', families.Select(f => $"- [{EscapeLinkText(f.Title)}]({LinkDestination(f.Url)})"));
            output.Append(list, location.Path, location.Line, advance: false);
        }

        private void IncludePartial(
            ErbTag tag,
            RubyCall call,
            SourceLocation location,
            string path,
            IReadOnlyDictionary<string, string>? callerLocals,
            IReadOnlyList<string> chain)
        {
            if (call.Arguments is not ([RubyString] or [RubyString, RubyHash]))
            {
                ReportUnsupported(tag, location, "partial takes a quoted path and optionally `locals: { name: \"value\" }`");
                return;
            }

            var reference = ((RubyString)call.Arguments[0]).Value;
            var locals = new Dictionary<string, string>(StringComparer.Ordinal);
            if (call.Arguments is [_, RubyHash options] && !ReadLocals(tag, options, location, callerLocals, chain, locals))
            {
                return;
            }

            var candidates = PartialCandidates(path, reference);
            if (candidates is null)
            {
                diags.Add(Diagnostic.Error(
                    ErbCodes.PathEscapes,
                    $"partial path `{reference}` leaves the input folder",
                    location,
                    "use a path inside the input folder without `..`, e.g. partial(\"job-families/sales/performance\")"));
                return;
            }

            string? found = null;
            var text = string.Empty;
            foreach (var candidate in candidates)
            {
                if (env.TryReadInclude(candidate, out text))
                {
                    found = candidate;
                    break;
                }
            }

            if (found is null)
            {
                diags.Add(Diagnostic.Error(
                    ErbCodes.PartialNotFound,
                    $"partial `{reference}` not found",
                    location,
                    "looked for " + string.Join(", ", candidates.Where(IsPlainErb)) + " (each also as .md, .html.md.erb, …)"));
                return;
            }

            if (chain.Contains(found, StringComparer.Ordinal))
            {
                diags.Add(Diagnostic.Error(
                    ErbCodes.Cycle,
                    $"partial `{reference}` includes itself: {string.Join(" → ", chain.Append(found))}",
                    location,
                    "remove the partial call that closes the loop"));
                return;
            }

            // The chain holds the page itself, so its length minus one is the nesting depth.
            if (chain.Count > MaxPartialDepth)
            {
                diags.Add(Diagnostic.Error(
                    ErbCodes.DepthLimit,
                    $"partials nested deeper than {MaxPartialDepth}: {string.Join(" → ", chain.Append(found))}",
                    location,
                    "flatten the partials"));
                return;
            }

            if (++_inclusions > MaxPartialInclusions)
            {
                StopTooLarge($"the page includes partials more than {MaxPartialInclusions:N0} times; expansion stopped here", location);
                return;
            }

            ExpandText(text, found, 1, locals, [.. chain, found]);
        }

        private bool ReadLocals(
            ErbTag tag,
            RubyHash options,
            SourceLocation location,
            IReadOnlyDictionary<string, string>? callerLocals,
            IReadOnlyList<string> chain,
            Dictionary<string, string> locals)
        {
            foreach (var (key, value) in options.Entries)
            {
                if (RubyHash.KeyName(key) != "locals")
                {
                    ReportUnsupported(tag, location, $"partial option `{RubyHash.KeyName(key) ?? "?"}` is not supported (only `locals`)");
                    return false;
                }

                if (value is not RubyHash localsHash)
                {
                    ReportUnsupported(tag, location, "`locals` must be a hash such as `{ roleName: \"Analyst\" }`");
                    return false;
                }

                foreach (var (localKey, localValue) in localsHash.Entries)
                {
                    var name = RubyHash.KeyName(localKey);
                    string? text = localValue switch
                    {
                        RubyString s => s.Value,
                        RubyNumber n => n.Text,
                        RubySymbol s => s.Name,
                        RubyName n when callerLocals is not null => LookUpLocal(n.Name, callerLocals, location, chain),
                        _ => null,
                    };
                    if (name is null || text is null)
                    {
                        if (localValue is not RubyName || callerLocals is null)
                        {
                            ReportUnsupported(tag, location, "a local's value must be a quoted string, a number, or a local of the including partial");
                        }

                        return false;
                    }

                    locals[name] = text;
                }
            }

            return true;
        }

        private string? LookUpLocal(string name, IReadOnlyDictionary<string, string> locals, SourceLocation location, IReadOnlyList<string> chain)
        {
            if (locals.TryGetValue(name, out var value))
            {
                return value;
            }

            var given = locals.Count == 0 ? "none" : string.Join(", ", locals.Keys.Order(StringComparer.Ordinal));
            var includer = chain.Count >= 2 ? chain[^2] : chain[0];
            diags.Add(Diagnostic.Error(
                ErbCodes.MissingLocal,
                $"partial uses local `{name}`, but the call passes no such local (locals given: {given})",
                location,
                $"pass it from {includer}: partial(\"…\", locals: {{ {name}: \"…\" }})"));
            return null;
        }

        private void ReportUnsupported(ErbTag tag, SourceLocation location, string hint) =>
            diags.Add(Diagnostic.Error(ErbCodes.Unsupported, $"unsupported ERB: `{tag.Display}` (removed from the page)", location, hint));
    }

    /// <summary>The <c>_name.erb</c> candidate of each place looked in (for the "not found" hint).</summary>
    private static bool IsPlainErb(string candidate) =>
        candidate.EndsWith(".erb", StringComparison.Ordinal)
        && !candidate.EndsWith(".md.erb", StringComparison.Ordinal)
        && !candidate.EndsWith(".html.erb", StringComparison.Ordinal);

    private static string EscapeLinkText(string title)
    {
        var sb = new StringBuilder(title.Length);
        foreach (var c in title)
        {
            if (c is '\\' or '[' or ']' or '*' or '_' or '`' or '<' or '>' or '&' or '!')
            {
                sb.Append('\\');
            }

            sb.Append(c);
        }

        return sb.ToString();
    }

    private static string LinkDestination(string url) =>
        url.Any(c => c is ' ' or '(' or ')' or '<' or '>') ? "<" + url.Replace("<", "%3C", StringComparison.Ordinal).Replace(">", "%3E", StringComparison.Ordinal) + ">" : url;
}
