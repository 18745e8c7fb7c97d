namespace Handbook.JobFamilies.Grades;

using System.Net;
using Handbook.JobFamilies.Model;

/// <summary>
/// The grade badge a theme can put beside a role's heading:
/// <c>&lt;a class="grade" href="…#grade-7"&gt;grade 7&lt;/a&gt; &lt;span class="grade-title"&gt;Senior&lt;/span&gt;</c>.
/// An unresolved grade is shown without link or title (the build already reported GRADE001).
/// </summary>
public static class GradeBadge
{
    public static string Html(GradeAssignment grade)
    {
        var value = WebUtility.HtmlEncode(grade.Value);
        if (grade.Url is null || grade.Title is null)
        {
            return $"<span class=\"grade grade-unknown\">grade {value}</span>";
        }

        return $"<a class=\"grade\" href=\"{WebUtility.HtmlEncode(grade.Url)}\">grade {value}</a> <span class=\"grade-title\">{WebUtility.HtmlEncode(grade.Title)}</span>";
    }
}
