namespace Handbook.JobFamilies.Tests.Fuzz;

using System.Globalization;
using System.Text;
using CsCheck;

/// <summary>
/// Generators of job-family pages: valid-ish pages assembled from the fragments real pages use (front matter, section
/// headings and typos, levels, grade links, extends statements, ERB, kramdown, HTML, tables, lists), hostile fragments
/// (deep nesting, huge lists and lines, odd Unicode, CR/CRLF) and mutations of whole pages (flips, cuts, copies, splices).
/// </summary>
internal static class PageGen
{
    public const string CalculatorUrl = "/handbook/total-rewards/compensation/compensation-calculator/#gitlab-job-grades";

    /// <summary>The paths pages are generated at; extends targets point at these (and at missing ones).</summary>
    public static readonly string[] Paths =
    [
        "job-families/sales/widget-analyst.md",
        "job-families/sales/widget-manager.md",
        "job-families/engineering/backend/index.html.md.erb",
        "job-families/engineering/development/backend/senior.md",
    ];

    private static readonly string[] RoleNames =
    [
        "Widget Analyst", "Senior Widget Analyst", "Staff Widget Analyst", "Manager, Widgets", "Backend Engineer",
        "Senior Backend Engineer", "Director of Widgets", "VP", "Intern", "Widget Analyst (Intermediate)", "",
    ];

    private static readonly string[] SectionWords =
    [
        "Responsibilities", "Requirements", "Job Grade", "Levels", "Performance Indicators", "Career Ladder", "Specialties",
        "Hiring Process", "Compensation", "Relevant Links", "Job Grades", "Responsibilites", "Requirments", "Reponsibilities",
        "Specialty", "Level", "Expectations", "Nice to have", "Overview",
    ];

    private static readonly string[] OddText =
    [
        "\u00A0", "\u200F", "\u202E", "\u200B", "\uFEFF", "\uFFFD", "\uD800", "\uDC00", "\uD83D\uDE00", "e\u0301", "\u0000",
        "\u2028", "\u0085", "\t", "\\", "`", "*", "_", "[", "]", "(", ")", "<", ">", "&amp;", "&#0;", "|", "{", "}", "%",
        "<%", "%>", "{:", ":}", "---", "#", "\r", "\r\n", "\n", "ß", "İ", "ﬁ", "Ⅻ", "٣", "７",
    ];

    private static readonly Gen<string> Word = Gen.OneOf(
    [
        "widget", "Senior", "the", "and", "grade", "Grade", "level", "extends", "Extends", "role", "Responsibilities",
        "requirements", "is", "a", "of", "all", "plus", "Manager", "Analyst", "job", "family", "team", "x",
    ]);

    /// <summary>Random characters, biased to the ones that matter to Markdown, YAML, ERB and kramdown.</summary>
    public static readonly Gen<string> Junk = Gen.Frequency(
            (4, Gen.OneOf(OddText)),
            (3, Word),
            (1, Gen.Char.Select(c => c.ToString())),
            (1, Gen.Int[0, 0x10FFFF].Select(CodePoint)))
        .Array[0, 12]
        .Select(string.Concat);

    private static readonly Gen<string> Text = Gen.Frequency(
            (6, Word.Array[1, 8].Select(w => string.Join(' ', w))),
            (1, Junk));

    private static readonly Gen<string> Role = Gen.OneOf(RoleNames);

    private static readonly Gen<string> Number = Gen.Frequency(
        (5, Gen.Int[0, 20].Select(n => n.ToString(CultureInfo.InvariantCulture))),
        (2, Gen.Select(Gen.Int[0, 20], Gen.Int[0, 99], (a, b) => $"{a}.{b}")),
        (1, Gen.OneOf("-1", "007", "1e9", "99999999999999999999999", "9.5.1", "١٢", "", " ", "NaN", "7,5", "0.0")));

    public static readonly Gen<string> FrontMatter = Gen.Select(
            Gen.Bool,
            Gen.Bool,
            Gen.Select(
                    Gen.Frequency(
                        (4, Gen.OneOf("title", "description", "layout", "grade_track", "canonical_path", "redirect_from", "extra_js")),
                        (1, Junk)),
                    Gen.Frequency(
                        (3, Text.Select(t => " " + t)),
                        (2, Text.Select(t => " \"" + t + "\"")),
                        (1, Text.Select(t => " '" + t)),
                        (1, Text.Select(t => " \"" + t)),
                        (1, Gen.OneOf(" [a, b", " {x: 1}", " - a\n  - b", " |\n  block", " &a\nother: *a", " !!binary x", " ~", " ", "", " :", " @x"))),
                    (k, v) => k + ":" + v)
                .Array[0, 8],
            (open, close, lines) => (open ? "---\n" : "") + string.Join('\n', lines) + (close ? "\n---\n" : "\n"));

    public static readonly Gen<string> Heading = Gen.Select(
        Gen.Int[1, 7],
        Gen.Frequency((3, Gen.Const("")), (2, Role.Select(r => r + " "))),
        Gen.OneOf(SectionWords),
        Gen.Frequency((6, Gen.Const("")), (1, Junk), (1, Gen.OneOf(" {#custom-id}", " {: .x}", " #", ":"))),
        (n, role, word, tail) => new string('#', n) + " " + role + word + tail + "\n\n");

    public static readonly Gen<string> GradeMention = Gen.Select(
        Role,
        Number,
        Gen.Int[0, 6],
        (role, n, form) => form switch
        {
            0 => $"The {role} is a [grade {n}]({CalculatorUrl}).\n\n",
            1 => $"The {role} is a grade {n}.\n\n",
            2 => $"**Grade {n}:**\n\n",
            3 => $"[{n}]({CalculatorUrl})\n\n",
            4 => $"The {role} is [job grade #{n}](/handbook/total-rewards/compensation/compensation-calculator/#grade-{n.Replace('.', '-')}).\n\n",
            5 => $"#### {role} Job Grade\n\nThe {role} is a [grade {n}]({CalculatorUrl}\n\n",
            _ => $"{role} is a [level {n}]((({CalculatorUrl})).\n\n",
        });

    public static readonly Gen<string> Extends = Gen.Select(
        Gen.Frequency((3, Gen.OneOf(Paths)), (1, Gen.OneOf("job-families/sales/missing.md", "", "job-families/", "https://about.gitlab.com/job-families/sales/widget-analyst/"))),
        Role,
        Gen.OneOf("#", "#senior-widget-analyst", "#widget-analyst", "#levels", ""),
        Gen.Int[0, 5],
        (path, role, anchor, form) =>
        {
            var url = path.StartsWith("http", StringComparison.Ordinal) ? path : "/" + path.Replace("/index.html.md.erb", "/").Replace(".md", "/");
            return form switch
            {
                0 => $"Extends the [{role}]({url}{anchor}) responsibilities.\n\n",
                1 => $"* Extends the [{role}]({url}{anchor}) role, plus:\n",
                2 => $"All requirements of the {role} role apply.\n\n",
                3 => $"The {role} extends the [{role}]({url}) or [{role}]({url}{anchor}) requirements, and includes:\n\n",
                4 => $"Extends [{role}]({anchor}).\n\n",
                _ => $"- Extends the {role} requirements\n",
            };
        });

    public static readonly Gen<string> Erb = Gen.OneOf(
        "<%= partial(\"includes/part\") %>\n",
        "<%= partial('job-families/sales/part', locals: { name: 'Widget' }) %>\n",
        "<%= partial \"self\" %>\n",
        "<%= partial(\"includes/loop\") %>\n",
        "<%= partial(\"../../etc/passwd\") %>\n",
        "<%= partial(\"/abs\") %>\n",
        "<%= job_families('sales') %>\n",
        "<%= job_families(\"missing\") %>\n",
        "<%= name %>",
        "<%# a comment %>",
        "<%% literal %>",
        "<% if true %>\nyes\n<% end %>\n",
        "<%= ",
        "<%= partial(",
        "%>",
        "<%- x -%>",
        "<%= \"unterminated %>",
        "<%= partial(\"a\", locals: { a: \"b\", c: 1, d: nil }) %>",
        "<%= 1 + 1 %>",
        "<%= system('rm -rf /') %>");

    public static readonly Gen<string> Kramdown = Gen.OneOf(
        "* TOC\n{:toc}\n\n",
        "1. TOC\n{:toc}\n\n",
        "{:toc}\n",
        "Para\n{: .note #id key=\"v\"}\n\n",
        "{: .class}\n",
        "{:ref: .x #y}\n\n",
        "Text{: .span}\n",
        "*em*{: .x}\n",
        "{::nomarkdown}\n<b>x</b>\n{:/nomarkdown}\n",
        "{::nomarkdown}\n<b>unclosed\n",
        "{::comment}\nhidden\n{:/comment}\n",
        "{::options parse_block_html=\"true\" /}\n",
        "{::unknown}\n",
        "{:/}\n",
        "{: unclosed\n",
        "{:",
        "{::",
        "{: #}\n",
        "{: .a .b .c #d e=\"f\" g='h' i=j}\n");

    public static readonly Gen<string> Html = Gen.OneOf(
        "<script>alert(1)</script>\n\n",
        "<iframe src=\"https://example.com\"></iframe>\n\n",
        "<div markdown=\"1\">\n\n- a\n\n</div>\n\n",
        "<details><summary>More</summary>\n\ntext\n\n</details>\n\n",
        "<div>\n<div>\n<div>\n",
        "<!-- comment\n",
        "<table><tr><td>x</td></tr></table>\n\n",
        "<a href=\"javascript:alert(1)\" onclick=\"x()\">x</a>\n",
        "<img src=x onerror=alert(1)>\n",
        "<style>body{}</style>\n",
        "</div></div>\n",
        "<h2 id=\"levels\">Levels</h2>\n\n");

    public static readonly Gen<string> Table = Gen.Select(
        Gen.Int[0, 6],
        Gen.Int[0, 20],
        Text,
        (columns, rows, cell) =>
        {
            var sb = new StringBuilder();
            sb.Append('|').Append(string.Concat(Enumerable.Repeat(" " + cell + " |", columns))).Append('\n');
            sb.Append('|').Append(string.Concat(Enumerable.Repeat("---|", columns))).Append('\n');
            for (var r = 0; r < rows; r++)
            {
                sb.Append("| ").Append(r.ToString(CultureInfo.InvariantCulture)).Append(" | [grade ").Append(r.ToString(CultureInfo.InvariantCulture)).Append("](").Append(CalculatorUrl).Append(") |\n");
            }

            return sb.Append('\n').ToString();
        });

    public static readonly Gen<string> List = Gen.Select(
        Gen.Int[1, 30],
        Gen.OneOf("- ", "* ", "1. ", "+ ", "- [ ] "),
        Text,
        (n, marker, text) => string.Concat(Enumerable.Range(0, n).Select(i => marker + text + " " + i.ToString(CultureInfo.InvariantCulture) + "\n")) + "\n");

    /// <summary>Lists, quotes and mixtures nested up to a few hundred levels deep.</summary>
    public static readonly Gen<string> DeepNesting = Gen.Select(
        Gen.Int[2, 400],
        Gen.Int[0, 3],
        (depth, kind) =>
        {
            var sb = new StringBuilder();
            for (var d = 0; d < depth; d++)
            {
                switch (kind)
                {
                    case 0:
                        sb.Append(new string(' ', 2 * d)).Append("- level ").Append(d.ToString(CultureInfo.InvariantCulture)).Append('\n');
                        break;
                    case 1:
                        sb.Append(new string('>', d + 1)).Append(" quote\n");
                        break;
                    case 2:
                        sb.Append(string.Concat(Enumerable.Repeat("> - ", d + 1))).Append("x\n");
                        break;
                    default:
                        sb.Append(new string('[', d)).Append(new string('*', d)).Append("x\n");
                        break;
                }
            }

            return sb.Append('\n').ToString();
        });

    /// <summary>Inputs at the size limits: a 10,000-item list, a 1 MB line, many headings, many grade links.</summary>
    public static readonly Gen<string> Huge = Gen.OneOf(
        Gen.Const(() => string.Concat(Enumerable.Range(0, 10_000).Select(i => "- item " + i.ToString(CultureInfo.InvariantCulture) + "\n"))),
        Gen.Const(() => new string('a', 1_000_000) + "\n"),
        Gen.Const(() => string.Concat(Enumerable.Repeat("[grade 7](" + CalculatorUrl + ") ", 5_000)) + "\n"),
        Gen.Const(() => string.Concat(Enumerable.Range(0, 2_000).Select(i => "### Senior Widget Analyst " + i.ToString(CultureInfo.InvariantCulture) + "\n\n#### Responsibilities\n\n- x\n\n"))),
        Gen.Const(() => string.Concat(Enumerable.Repeat("<%= partial(\"includes/part\") %>\n", 2_000))),
        Gen.Const(() => new string('{', 50_000) + new string(':', 50_000) + "\n"),
        Gen.Const(() => new string('`', 100_000) + "\n"),
        Gen.Const(() => new string('*', 100_000) + "\n"));

    public static readonly Gen<string> Level = Gen.Select(
        Role,
        Number,
        Text,
        (role, n, text) => $"### {role}\n\n#### {role} Job Grade\n\nThe {role} is a [grade {n}]({CalculatorUrl}).\n\n#### {role} Responsibilities\n\n- {text}\n\n#### {role} Requirements\n\n- {text}\n\n");

    private static readonly Gen<string> Fragment = Gen.Frequency(
        (8, Heading),
        (8, Text.Select(t => t + "\n\n")),
        (5, Level),
        (5, GradeMention),
        (5, Extends),
        (4, Erb),
        (4, Kramdown),
        (3, Html),
        (2, Table),
        (4, List),
        (4, Junk),
        (1, DeepNesting));

    /// <summary>A page: optional front matter and fragments, sometimes with CR or CRLF line ends.</summary>
    public static readonly Gen<string> ValidIsh = Gen.Select(
        Gen.Frequency((3, FrontMatter), (1, Gen.Const(""))),
        Fragment.Array[0, 30],
        Gen.Int[0, 9],
        (frontMatter, fragments, ends) => WithLineEnds(frontMatter + string.Concat(fragments), ends));

    /// <summary>Pages of all kinds: mostly valid-ish, some mutated, rarely huge (the huge ones are slow by design).</summary>
    public static readonly Gen<string> Page = Gen.Frequency(
        (12, ValidIsh),
        (6, Gen.Select(ValidIsh, Gen.Int.Array[1, 8], Mutate)),
        (2, Gen.Select(ValidIsh, ValidIsh, Gen.Int, Splice)),
        (1, Gen.Select(ValidIsh, Huge, Gen.Int, Splice)));

    /// <summary>Partials for ERB pages, including ones that include themselves or each other.</summary>
    /// <remarks>
    /// Partials are kept small (a few fragments, like real ones): a page may include one many times, and the time bound
    /// is per input size, not per expanded size (a 22 KB set that expanded to hundreds of KB hit bug 3 of readme-fuzz).
    /// </remarks>
    public static readonly Gen<IReadOnlyDictionary<string, string>> Partials = Gen.Select(
        Fragment.Array[0, 4].Select(string.Concat),
        Erb.Array[0, 4].Select(string.Concat),
        (body, erb) => (IReadOnlyDictionary<string, string>)new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["includes/_part.md"] = body,
            ["includes/_loop.erb"] = "loop <%= partial(\"includes/loop\") %>\n" + erb,
            ["job-families/engineering/backend/_self.erb"] = "<%= partial \"self\" %>\n",
            ["job-families/sales/_part.erb"] = "Hello <%= name %>\n" + erb,
        });

    private static string CodePoint(int value) =>
        value is >= 0xD800 and <= 0xDFFF ? ((char)value).ToString() : char.ConvertFromUtf32(value);

    private static string WithLineEnds(string text, int choice) => choice switch
    {
        0 => text.Replace("\n", "\r\n", StringComparison.Ordinal),
        1 => text.Replace("\n", "\r", StringComparison.Ordinal),
        _ => text,
    };

    /// <summary>Applies one mutation per number: flip a character, cut, duplicate a range, or insert junk.</summary>
    private static string Mutate(string text, int[] ops)
    {
        var s = new StringBuilder(text);
        foreach (var op in ops)
        {
            var r = (uint)op;
            var at = s.Length == 0 ? 0 : (int)(r / 8 % (uint)s.Length);
            switch (r % 8)
            {
                case 0 or 1:
                    if (s.Length > 0)
                    {
                        s[at] = (char)(s[at] ^ (1 << (int)(r / 7 % 16)));
                    }

                    break;
                case 2:
                    s.Length = at;
                    break;
                case 3 or 4:
                    var length = Math.Min(s.Length - at, (int)(r / 13 % 200));
                    s.Insert(at, s.ToString(at, length));
                    break;
                case 5:
                    s.Remove(at, Math.Min(s.Length - at, (int)(r / 11 % 50)));
                    break;
                default:
                    s.Insert(at, OddText[r / 17 % (uint)OddText.Length]);
                    break;
            }
        }

        return s.ToString();
    }

    private static string Splice(string a, string b, int at)
    {
        var cutA = a.Length == 0 ? 0 : (int)((uint)at % (uint)a.Length);
        var cutB = b.Length == 0 ? 0 : (int)((uint)at / 3 % (uint)b.Length);
        return a[..cutA] + b[cutB..];
    }
}
