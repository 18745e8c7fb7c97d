namespace Handbook.JobFamilies.Stages;

using Handbook.JobFamilies.Grades;
using Handbook.Pipeline.Documents;
using Handbook.Pipeline.Stages;
using Markdig.Syntax.Inlines;

/// <summary>
/// Puts each graded role's badge (<see cref="GradeBadge"/>: grade link and grade title) at the end of the role's
/// heading, so a reader sees every level's grade where the level starts. An AST edit: heading ids were fixed when
/// the page was parsed, so they do not change.
/// </summary>
public sealed class AddGradeBadges : PerDocumentStage
{
    public override string Name => nameof(AddGradeBadges);

    protected override Document? Process(Document document, StageContext context)
    {
        if (!document.TryGet(JobFamilyKeys.Family, out var family))
        {
            return document;
        }

        foreach (var role in family.Roles)
        {
            if (role.Grade is { } grade && role.Heading?.Inline is { } inline)
            {
                inline.AppendChild(new HtmlInline(" <span class=\"role-grade\">" + GradeBadge.Html(grade) + "</span>"));
            }
        }

        return document;
    }
}
