namespace Handbook.JobFamilies.Grades;

using System.Text.RegularExpressions;
using Handbook.Pipeline.Collections;
using Handbook.JobFamilies.Model;
using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Limits;
using Markdig.Renderers.Html;
using Markdig.Syntax;

/// <summary>
/// The grades pass over one parsed page: finds the grade mentions, checks them against the grade data, attaches
/// each to its role (<see cref="Role.Grade"/>) and rewrites grade links to <c>…/compensation-calculator/#grade-&lt;id&gt;</c>.
/// <para>
/// Which role a mention belongs to: a table row's grade belongs to the role its level cell names (by its whole name,
/// then by the anchor it links, then by a name without its part in parentheses). Any other mention belongs to the innermost role whose lines contain it – unless that role holds
/// several grade mentions (or none contains it) and the sentence names another role of the page ("The Senior
/// Director … is a grade 11"), then to the named role. Pseudo-headings (<c>**Grade 7:**</c>) label parts of a
/// list, not a role, so they are only checked.
/// </para>
/// </summary>
public static partial class GradeResolver
{
    public static IReadOnlyList<GradeMention> Resolve(JobFamily family, GradeTable table, ICollection<Diagnostic> diagnostics)
    {
        var timedOut = new List<LeafBlock>();
        var mentions = GradeMentionFinder.Find(family.Body, timedOut);
        foreach (var block in timedOut)
        {
            diagnostics.Add(RegexLimits.TimedOut("finding grades", family.Locate(block.Line, block.Column)));
        }

        var track = GradeTrackSelector.Select(family, table, mentions, diagnostics);
        var lookedUp = new List<GradeId>();
        var roles = family.Roles.ToList();
        var containing = mentions.ToDictionary(m => m, m => Innermost(roles, m.Line + 1));
        var mentionsPerRole = mentions
            .Where(IsRoleGrade)
            .GroupBy(m => containing[m])
            .Where(g => g.Key is not null)
            .ToDictionary(g => g.Key!, g => g.Count());

        foreach (var mention in mentions)
        {
            var location = family.Locate(mention.Line, mention.Column);
            ReportLinkProblems(mention, table, location, diagnostics);
            var grades = CheckValues(mention, table, location, diagnostics, lookedUp);
            RewriteLink(mention, grades.FirstOrDefault(), track);
            if (!IsRoleGrade(mention))
            {
                continue;
            }

            var role = RoleOf(mention, family, roles, containing[mention], mentionsPerRole);
            if (role is null)
            {
                diagnostics.Add(Diagnostic.Warning(
                    "GRADE004",
                    mention.Row is { } row
                        ? $"grade {mention.EffectiveValues[0]} in the table row '{row.LevelName}', which names no role of this page"
                        : $"grade {mention.EffectiveValues[0]} is not under any role",
                    location,
                    mention.Row is not null
                        ? "make the level cell link to the role's heading (#anchor) or spell its name as in the heading"
                        : "put the sentence under the role's Job Grade heading"));
                continue;
            }

            mention.AttachedTo = role;
            Assign(role, mention, grades.FirstOrDefault(), track, location, diagnostics);
        }

        SpreadOverLevels(family, mentions, table, track);

        // What this page read from the table: the track, and each id CheckValues looked up (in the order met).
        family.GradeLookups = new GradeLookups(track.Id, lookedUp);
        return mentions;
    }

    /// <summary>
    /// "The roles described below are grades: [6, 7, 8](…)" under the page's own Job Grade heading, over three levels
    /// with no grade of their own (a Hugo-era security-analyst page): one grade per level, in page order – not the
    /// first grade for the page and none for the levels. Only when the page role's single grade mention holds
    /// ascending grades, exactly as many as the page has levels, and no level states a grade.
    /// </summary>
    private static void SpreadOverLevels(JobFamily family, IReadOnlyList<GradeMention> mentions, GradeTable table, GradeTrack track)
    {
        if (family.PageRole is not { } page || family.Levels.Count < 2 || family.Levels.Any(l => l.Grade is not null))
        {
            return;
        }

        var onPage = mentions.Where(m => IsRoleGrade(m) && ReferenceEquals(m.AttachedTo, page)).ToList();
        if (onPage is not [var mention] || mention.EffectiveValues.Count != family.Levels.Count)
        {
            return;
        }

        var values = mention.EffectiveValues;
        for (var i = 1; i < values.Count; i++)
        {
            if (values[i].Value <= values[i - 1].Value)
            {
                return;
            }
        }

        var location = family.Locate(mention.Line, mention.Column);
        for (var i = 0; i < values.Count; i++)
        {
            var grade = table.Find(values[i]);
            family.Levels[i].Grade = new GradeAssignment(values[i].Text, location)
            {
                Title = grade?.TitleIn(track.Id),
                Track = track.Id,
                Url = grade is null ? null : GradeTable.UrlOf(grade.Id),
            };
        }

        // The page's sections are what all levels share, not a level of grade 6: the page role has no grade now, and
        // the link counts as the first level's (whose grade is the link's first).
        page.Grade = null;
        mention.AttachedTo = family.Levels[0];
    }

    /// <summary>A mention that states a role's grade (pseudo-headings and non-grade links do not).</summary>
    private static bool IsRoleGrade(GradeMention mention) =>
        mention.Form != GradeMentionForm.PseudoHeading && mention.HasGradeText && mention.EffectiveValues.Count > 0;

    private static void ReportLinkProblems(GradeMention mention, GradeTable table, SourceLocation location, ICollection<Diagnostic> diagnostics)
    {
        // A link to the calculator page as a whole ("our [compensation model](…/compensation-calculator/)") is not
        // about a grade; only links into the grade table must say which grade.
        if (mention.IsLinked && !mention.HasGradeText && mention.Target != CalculatorLinkKind.NotCalculator
            && NotAGradeNumber().Match(mention.Text) is { Success: true } typo)
        {
            // "[grade 7a](…)": the text does name a grade, one that cannot exist; say so rather than "names no grade".
            var nearest = decimal.TryParse(typo.Groups["digits"].Value, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var near)
                ? table.Grades.Where(g => g.Id.Value == near).ToList() is { Count: > 0 } exact ? exact : table.Nearest(near)
                : [];
            diagnostics.Add(Diagnostic.Error(
                "GRADE001",
                $"unknown grade '{typo.Groups["id"].Value}': grades are numbers",
                location,
                NearestGradesHint(nearest, "write the grade as a number: [grade 7](…)")));
        }
        else if (mention.IsLinked && !mention.HasGradeText && !mention.IsTableReference && PointsAtGradeTable(mention.Target))
        {
            diagnostics.Add(Diagnostic.Warning(
                "GRADE003",
                $"link to the grade table whose text '{mention.Text}' names no grade",
                location,
                "if it states a role's grade write [grade 7](…); to point at the table in general, link the words 'job grades'"));
        }
        else if (mention.Form == GradeMentionForm.Link && mention.Target == CalculatorLinkKind.NotCalculator)
        {
            var example = mention.EffectiveValues.Count > 0 ? GradeTable.UrlOf(mention.EffectiveValues[0]) : GradeTable.PageUrl + "#" + GradeTable.TableAnchor;
            diagnostics.Add(Diagnostic.Warning(
                "GRADE003",
                $"link text '{mention.Text}' names a grade but the link goes to '{mention.Link!.Url}'",
                location,
                $"link grades to the compensation calculator: {example}"));
        }

        if (mention.RangeEnd is { } last && mention.HasGradeText && mention.Values.Count == 1)
        {
            // A role has one grade: the range's first is taken (as before this check, silently).
            diagnostics.Add(Diagnostic.Warning(
                "GRADE009",
                $"grade link '{mention.Text}' names a range of grades ({mention.Values[0]} to {last}); the role gets grade {mention.Values[0]}",
                location,
                $"a role has one grade: write [grade {mention.Values[0]}](…), or give each grade's role its own heading"));
        }

        if (mention.Form == GradeMentionForm.MalformedLink)
        {
            diagnostics.Add(Diagnostic.Warning(
                "GRADE008",
                $"grade link '{mention.Text}' has a doubled parenthesis '](('",
                location,
                "write [" + mention.Text + "](/handbook/…) with a single '('"));
        }

        if (mention.MissingNumber)
        {
            diagnostics.Add(Diagnostic.Warning(
                "GRADE002",
                $"grade link '{mention.Text}' has no grade number",
                location,
                mention.NumberAfterLink is { } after
                    ? $"the number {after} follows the link: write [grade {after}](…)"
                    : "write the number in the link text: [grade 7](…)"));
        }
    }

    private static bool PointsAtGradeTable(CalculatorLinkKind target) =>
        target is CalculatorLinkKind.TableAnchor or CalculatorLinkKind.GradeAnchor;

    /// <param name="lookedUp">Every id looked up in the table so far, each once: this mention's are added
    /// (<see cref="JobFamily.GradeLookups"/> – recorded where the table is read, so the record cannot miss a lookup).</param>
    private static List<Grade?> CheckValues(GradeMention mention, GradeTable table, SourceLocation location, ICollection<Diagnostic> diagnostics, List<GradeId> lookedUp)
    {
        var grades = new List<Grade?>();
        if (!mention.HasGradeText)
        {
            return grades;
        }

        foreach (var value in mention.EffectiveValues)
        {
            AddOnce(lookedUp, value);
            var grade = table.Find(value);
            grades.Add(grade);
            if (grade is null)
            {
                var nearest = table.Nearest(value.Value);
                diagnostics.Add(Diagnostic.Error(
                    "GRADE001",
                    $"unknown grade {value}",
                    location,
                    NearestGradesHint(nearest, "the grade data has no grades")));
            }
        }

        return grades;
    }

    private static void AddOnce(List<GradeId> ids, GradeId value)
    {
        // A loop, not List.Contains: generic code over a value type is compiled at run time (issue 9).
        for (var i = 0; i < ids.Count; i++)
        {
            if (ids[i].Equals(value))
            {
                return;
            }
        }

        ids.Add(value);
    }

    /// <summary>
    /// Points a grade link at its row of the grades page and gives it the <c>grade</c> class and a title tooltip
    /// (what the theme styles as a badge). A link whose grade is unknown goes to the table as a whole. Links to
    /// other pages are left alone: the author may have meant them.
    /// </summary>
    private static void RewriteLink(GradeMention mention, Grade? grade, GradeTrack track)
    {
        if (mention.Link is not { } link || mention.Target == CalculatorLinkKind.NotCalculator || !mention.HasGradeText)
        {
            return;
        }

        if (grade is null)
        {
            link.Url = GradeTable.PageUrl + "#" + GradeTable.TableAnchor;
            return;
        }

        link.Url = GradeTable.UrlOf(grade.Id);
        link.GetAttributes().AddClass("grade");
        if (string.IsNullOrEmpty(link.Title))
        {
            link.Title = $"Grade {grade.Id.Text}: {grade.TitleIn(track.Id)}";
        }
    }

    private static Role? RoleOf(GradeMention mention, JobFamily family, List<Role> roles, Role? containing, Dictionary<Role, int> mentionsPerRole)
    {
        if (mention.Row is { } row)
        {
            // A level's whole name first, then the anchor the cell links, and only then a name that fits once a part in
            // parentheses is dropped: "[Widget Fitter](#widget-fitter-intermediate)" is the level it links, not
            // "Widget Fitter (Associate)" written before it (Hugo-era sales/customer-success-engineer got a false
            // GRADE006 on its Associate level), nor the page role named by the page title "Widget Fitter".
            return RoleNames.FindByWholeName(roles.Where(r => r.Kind != RoleKind.Page), row.LevelName)
                ?? RoleNames.FindByTarget(roles, row.LevelTarget)
                ?? RoleNames.FindByName(roles, row.LevelName)
                ?? RoleOfSectionAnchor(family, roles, row.LevelTarget);
        }

        var crowded = containing is null || mentionsPerRole.GetValueOrDefault(containing) > 1;
        if (crowded && RoleNames.FindByName(roles, mention.Subject) is { } named)
        {
            return named;
        }

        return containing;
    }

    /// <summary>
    /// A level cell may link to a heading inside the role rather than the role's own heading
    /// (<c>[Senior](#senior-engineer-requirements)</c>): the role is then the one containing that heading.
    /// </summary>
    private static Role? RoleOfSectionAnchor(JobFamily family, List<Role> roles, string? target)
    {
        var hash = target?.IndexOf('#', StringComparison.Ordinal) ?? -1;
        if (target is null || hash < 0 || hash == target.Length - 1)
        {
            return null;
        }

        var anchor = target[(hash + 1)..];
        var section = AllSections(family.Sections).FirstOrDefault(s => string.Equals(s.Anchor, anchor, StringComparison.OrdinalIgnoreCase));
        return section is null ? null : Innermost(roles.Where(r => r.Kind != RoleKind.Page).ToList(), section.StartLine);
    }

    private static IEnumerable<Section> AllSections(IEnumerable<Section> sections) =>
        sections.SelectMany(s => AllSections(s.Children).Prepend(s));

    private static Role? Innermost(List<Role> roles, int line) =>
        StableSort.FirstOrDefault(
            roles.Where(r => r.StartLine <= line && line <= r.EndLine),
            static (a, b) => a.EndLine - a.StartLine != b.EndLine - b.StartLine
                ? (a.EndLine - a.StartLine).CompareTo(b.EndLine - b.StartLine)
                : b.StartLine.CompareTo(a.StartLine));

    private static void Assign(Role role, GradeMention mention, Grade? grade, GradeTrack track, SourceLocation location, ICollection<Diagnostic> diagnostics)
    {
        var value = mention.EffectiveValues[0];
        if (role.Grade is { } existing)
        {
            if (GradeId.TryParse(existing.Value, out var existingId) && existingId != value)
            {
                diagnostics.Add(Diagnostic.Warning(
                    "GRADE006",
                    $"role '{role.Name}' has two grades: {existing.Value} (line {existing.Location.Line}) and {value}",
                    location,
                    "keep one grade per role; if the sentence is about another role, name it as in its heading"));
            }

            return;
        }

        role.Grade = new GradeAssignment(value.Text, location)
        {
            Title = grade?.TitleIn(track.Id),
            Track = track.Id,
            Url = grade is null ? null : GradeTable.UrlOf(grade.Id),
        };
    }

    /// <summary>
    /// "grade 7a", "Grade 8b": the word grade and one token that starts with a number but is none (text that
    /// <see cref="GradeText"/> read as a grade never gets here).
    /// </summary>
    [GeneratedRegex(@"^\s*(?:job\s+)?grade\s*#?\s*(?<id>(?<digits>\d+(?:\.\d+)?)\S+)\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, RegexLimits.MatchTimeoutMilliseconds)]
    private static partial Regex NotAGradeNumber();

    /// <summary>GRADE001's hint: "nearest grades: 9, 10", or <paramref name="whenNone"/> when there are none.</summary>
    private static string NearestGradesHint(IReadOnlyList<Grade> nearest, string whenNone) =>
        nearest.Count > 0 ? "nearest grades: " + string.Join(", ", nearest.Select(g => g.Id.Text)) : whenNone;
}
