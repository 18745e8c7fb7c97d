namespace Handbook.Site.Tests.Support;

using Handbook.JobFamilies;
using Handbook.JobFamilies.Model;
using Handbook.Pipeline.Diagnostics;
using Handbook.Pipeline.Documents;
using Markdig;

/// <summary>
/// Builds parsed pages in memory, as the parse and grade passes would leave them, so the theme, export and sitemap
/// can be tested without the domain passes.
/// </summary>
public static class Families
{
    public static JobFamily Family(string slug, string title, string? description = null, string? canonicalPath = null, bool isIndex = false, string body = "")
    {
        var source = "job-families/" + slug + (isIndex ? "/index.html.md" : ".md");
        return new JobFamily
        {
            SourcePath = source,
            Slug = slug,
            Department = slug.Split('/')[0],
            Url = "/job-families/" + slug + "/",
            IsDepartmentIndex = isIndex,
            Title = title,
            Description = description,
            FrontMatter = new FrontMatter { Title = title, Description = description, CanonicalPath = canonicalPath },
            Body = Markdown.Parse(body),
            SourceMap = new SourceMap(source),
        };
    }

    public static Role Level(string name, string anchor, string? grade = null, string? gradeTitle = null, int line = 1)
    {
        var location = new SourceLocation("x.md", line, 1);
        return new Role
        {
            Kind = RoleKind.Level,
            Name = name,
            Anchor = anchor,
            Location = location,
            StartLine = line,
            EndLine = line,
            Grade = grade is null
                ? null
                : new GradeAssignment(grade, location)
                {
                    Title = gradeTitle,
                    Track = gradeTitle is null ? null : "general",
                    Url = gradeTitle is null ? null : "/handbook/total-rewards/compensation/compensation-calculator/#grade-" + grade.Replace('.', '-'),
                },
        };
    }

    public static Section Section(SectionKind kind, string title, params string[] items)
    {
        var section = new Section { Kind = kind, Title = title, Anchor = title.ToLowerInvariant().Replace(' ', '-'), HeadingLevel = 4, Location = new SourceLocation("x.md", 1, 1) };
        foreach (var item in items)
        {
            section.Items.Add(new Item { Text = item, Location = new SourceLocation("x.md", 1, 1) });
        }

        return section;
    }

    /// <summary>A family with one level per name, each with the same two responsibilities naming its level (compare pages need two or more levels).</summary>
    public static JobFamily FamilyWithLevels(string slug, string title, params string[] levels)
    {
        var family = Family(slug, title);
        foreach (var name in levels)
        {
            var level = Level(name, name.ToLowerInvariant().Replace(' ', '-'));
            level.Responsibilities = Section(SectionKind.Responsibilities, "Responsibilities", "Own the " + name + " work", "Mentor others");
            family.Levels.Add(level);
        }

        return family;
    }

    /// <summary>A document as it reaches the theme: parsed family plus rendered body.</summary>
    public static Document Page(JobFamily family, string bodyHtml = "<p>Body.</p>") =>
        Document.FromSource(family.SourcePath, "(markdown)")
            .With(JobFamilyKeys.Family, family)
            .With(JobFamilyKeys.BodyHtml, bodyHtml);
}
