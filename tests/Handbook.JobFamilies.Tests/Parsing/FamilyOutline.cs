namespace Handbook.JobFamilies.Tests.Parsing;

using System.Text;
using Handbook.JobFamilies.Model;

/// <summary>A compact text picture of the structure found on a page, for reading and for snapshot tests.</summary>
internal static class FamilyOutline
{
    public static string Of(JobFamily family)
    {
        var text = new StringBuilder();
        text.AppendLine($"title: {family.Title}");
        foreach (var role in family.Roles)
        {
            text.AppendLine($"{role.Kind.ToString().ToLowerInvariant()}: {role.Name} #{role.Anchor} lines {role.StartLine}-{role.EndLine}");
            text.AppendLine($"  grade: {Describe(role.JobGrade)}; responsibilities: {Describe(role.Responsibilities)}; requirements: {Describe(role.Requirements)}; nice: {Describe(role.NiceToHaves)}; pi: {Describe(role.PerformanceIndicators)}");
        }

        text.AppendLine($"page: pi: {Describe(family.PerformanceIndicators)}; career: {Describe(family.CareerLadder)}; hiring: {Describe(family.HiringProcess)}");
        return text.ToString();
    }

    private static string Describe(Section? section) =>
        section is null ? "-" : $"L{section.StartLine}({section.Items.Count})";
}
