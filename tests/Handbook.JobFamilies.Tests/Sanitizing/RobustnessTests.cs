namespace Handbook.JobFamilies.Tests.Sanitizing;

using System.Text;
using Handbook.JobFamilies.Erb;
using Handbook.JobFamilies.Kramdown;
using Handbook.JobFamilies.Mermaid;
using Handbook.JobFamilies.Parsing;
using Handbook.JobFamilies.Sanitizing;
using Handbook.JobFamilies.Tests.Erb;
using Handbook.Pipeline.Diagnostics;
using Markdig;

/// <summary>
/// Bad input must give diagnostics, never exceptions: pages built from random pieces of the syntax this area handles
/// go through ERB, kramdown, Mermaid, the safety pass and the sanitizer without throwing, and every diagnostic points
/// at a real line of a real file.
/// </summary>
public sealed class RobustnessTests
{
    private static readonly string[] Pieces =
    [
        "<%= ", "<% ", "%>", "-%>", "<%# ", "<%%", "partial(", "job_families(", "'x'", "\"p\"", ", locals: {", " k: ", "}", ")",
        ":locals => {", "=> ", "roleName", "#{", "{:", "{::", "{:/", "toc", ".cls", "#id", " key=\"v\"", "}", "{::comment}",
        "{:/comment}", "{::nomarkdown}", "{::options /}", "- TOC", "## Head", "\n", "\n\n", "  ", "*em*", "[l](javascript:x)",
        "<script>", "</script>", "<iframe src=\"https://x.example\">", "<Speciality>", "<a name=\"n\">", "<span onclick=\"x\">",
        "```mermaid\n", "```\n", "click a \"/u\"", "%% c", "`", "text", "\\", "\"", "'",
    ];

    [Fact]
    public void Random_pages_never_throw_and_every_diagnostic_has_a_valid_location()
    {
        var random = new Random(20221111);
        var pipeline = JobFamilyMarkdown.CreatePipeline([new KramdownExtension(), new MermaidExtension()]);
        var env = new InMemoryErbEnvironment();
        env.Files["_x.erb"] = "<%= k %> <%= partial('x') %>";
        env.Files["_p.md"] = "{: .a} <%= roleName %>\n<script>x</script>";
        env.Families["x"] = [new FamilyLink("X <b>", "/job-families/x/y (1)/")];

        for (var i = 0; i < 400; i++)
        {
            var sb = new StringBuilder();
            for (var j = random.Next(1, 40); j > 0; j--)
            {
                sb.Append(Pieces[random.Next(Pieces.Length)]);
            }

            var page = sb.ToString();
            var diags = new List<Diagnostic>();
            var expanded = ErbExpander.Expand("job-families/r/index.html.md.erb", page, env, diags);
            var document = Markdown.Parse(expanded.Text, pipeline);
            KramdownFindings.Report(document, expanded.Map.Locate, diags);
            ContentSafetyPass.Check(document, expanded.Map.Locate, diags);
            _ = MermaidLinks.Find(document);
            _ = ContentSanitizer.Sanitize(document.ToHtml(pipeline));

            foreach (var d in diags)
            {
                var file = d.Location.Path == "job-families/r/index.html.md.erb" ? page : env.Files.GetValueOrDefault(d.Location.Path);
                Assert.True(file is not null, $"{d.Format()} names an unknown file for page: {page}");
                Assert.InRange(d.Location.Line, 1, file!.Split('\n').Length);
                Assert.True(d.Location.Column >= 1, d.Format());
            }
        }
    }
}
