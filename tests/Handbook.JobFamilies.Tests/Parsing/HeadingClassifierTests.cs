namespace Handbook.JobFamilies.Tests.Parsing;

using Handbook.JobFamilies.Model;
using Handbook.JobFamilies.Parsing;

public sealed class HeadingClassifierTests
{
    [Theory]
    [InlineData("Responsibilities", SectionKind.Responsibilities, "")]
    [InlineData("Responsibilties", SectionKind.Responsibilities, "")]
    [InlineData("Responsbilities", SectionKind.Responsibilities, "")]
    [InlineData("Responsibilites", SectionKind.Responsibilities, "")]
    [InlineData("Responsibilies", SectionKind.Responsibilities, "")]
    [InlineData("Senior SEC Analyst Job Responsbilities", SectionKind.Responsibilities, "Senior SEC Analyst")]
    [InlineData("Requirements:", SectionKind.Requirements, "")]
    [InlineData("Requirments", SectionKind.Requirements, "")]
    [InlineData("Requirements for US Public Sector", SectionKind.Requirements, "")]
    [InlineData("Nice-to-haves", SectionKind.NiceToHaves, "")]
    [InlineData("Nice-to-have Requirements", SectionKind.NiceToHaves, "")]
    [InlineData("Nice to have:", SectionKind.NiceToHaves, "")]
    [InlineData("Nice-to-have's", SectionKind.NiceToHaves, "")]
    [InlineData("Nice to Have", SectionKind.NiceToHaves, "")]
    [InlineData("Nice-to-have Requirement", SectionKind.NiceToHaves, "")]
    [InlineData("Preferred Requirements", SectionKind.NiceToHaves, "")]
    [InlineData("Job Grade ", SectionKind.JobGrade, "")]
    [InlineData("Job grade", SectionKind.JobGrade, "")]
    [InlineData("Senior Solutions Architect Job Grade", SectionKind.JobGrade, "Senior Solutions Architect")]
    [InlineData("Director - Treasury Job Grade", SectionKind.JobGrade, "Director - Treasury")]
    [InlineData("**Job Grades**", SectionKind.JobGrade, "")]
    [InlineData("Performance Indicators", SectionKind.PerformanceIndicators, "")]
    [InlineData("Performance Indicators (PI)", SectionKind.PerformanceIndicators, "")]
    [InlineData("Performance indicator", SectionKind.PerformanceIndicators, "")]
    [InlineData("Key Performance Indicators", SectionKind.PerformanceIndicators, "")]
    [InlineData("KPIs", SectionKind.PerformanceIndicators, "")]
    [InlineData("Staff CSM Performance Indicators", SectionKind.PerformanceIndicators, "Staff CSM")]
    [InlineData("**Performance Indicator**", SectionKind.PerformanceIndicators, "")]
    [InlineData("Career Ladder", SectionKind.CareerLadder, "")]
    [InlineData("Career ladder", SectionKind.CareerLadder, "")]
    [InlineData("Career paths", SectionKind.CareerLadder, "")]
    [InlineData("**Career Ladder**", SectionKind.CareerLadder, "")]
    [InlineData("Hiring Process", SectionKind.HiringProcess, "")]
    [InlineData("Hiring process", SectionKind.HiringProcess, "")]
    [InlineData("Hiring Process:", SectionKind.HiringProcess, "")]
    [InlineData("Interview Process", SectionKind.HiringProcess, "")]
    [InlineData("Security Engineer Hiring Process", SectionKind.HiringProcess, "Security Engineer")]
    [InlineData("Levels", SectionKind.Levels, "")]
    [InlineData("Level", SectionKind.Levels, "")]
    [InlineData("**Levels**", SectionKind.Levels, "")]
    [InlineData("Levels for Site Reliability Engineer", SectionKind.Levels, "")]
    [InlineData("Levels of IT Security Engineer", SectionKind.Levels, "")]
    [InlineData("Sales Operations Analyst Levels", SectionKind.Levels, "Sales Operations Analyst")]
    [InlineData("Specialties", SectionKind.Specialties, "")]
    [InlineData("Specialities", SectionKind.Specialties, "")]
    [InlineData("Specializations", SectionKind.Specialties, "")]
    [InlineData("Specialty", SectionKind.Specialties, "")]
    [InlineData("Specialties for Security Engineer roles", SectionKind.Specialties, "")]
    [InlineData("Team Specialties", SectionKind.Specialties, "Team")]
    [InlineData("What you can expect in a Widget Engineer role at GitLab", SectionKind.Responsibilities, "")]
    [InlineData("What you can expect in a Senior Widget Engineering Manager role at GitLab:", SectionKind.Responsibilities, "")]
    [InlineData("You should apply if", SectionKind.Requirements, "")]
    [InlineData("You should apply if...", SectionKind.Requirements, "")]
    [InlineData("You should apply if:", SectionKind.Requirements, "")]
    [InlineData("What you can expect from our team", SectionKind.Other, "")]
    [InlineData("What you can expect during the hiring process", SectionKind.HiringProcess, "What you can expect during the")]
    [InlineData("You should apply for another team", SectionKind.Other, "")]
    [InlineData("What you'll do", SectionKind.Responsibilities, "")]
    [InlineData("What you’ll do:", SectionKind.Responsibilities, "")]
    [InlineData("What You Will Do", SectionKind.Responsibilities, "")]
    [InlineData("What you'll do in your first month", SectionKind.Other, "")]
    [InlineData("Senior Backend Engineer", SectionKind.Other, "")]
    [InlineData("Staff IT Compliance Engineer (Staff level is only reached by promotion)", SectionKind.Other, "")]
    [InlineData("Security Logging Specialty", SectionKind.Other, "")]
    [InlineData("Application Performance", SectionKind.Other, "")]
    [InlineData("Leveling of Site Reliability Engineering", SectionKind.Other, "")]
    [InlineData("", SectionKind.Other, "")]
    public void Given_a_heading_title_When_classified_Then_kind_and_prefix_are_recognised(string title, SectionKind kind, string prefix)
    {
        var classification = HeadingClassifier.Classify(title);

        Assert.Equal(kind, classification.Kind);
        Assert.Equal(prefix, classification.Prefix);
    }

    [Fact]
    public void Given_responsibilities_and_requirements_in_one_heading_When_classified_Then_it_fills_both()
    {
        var classification = HeadingClassifier.Classify("Senior Solutions Architect Responsibilities & Requirements");

        Assert.Equal(SectionKind.Responsibilities, classification.Kind);
        Assert.True(classification.AlsoRequirements);
        Assert.Equal("Senior Solutions Architect", classification.Prefix);
    }

    [Theory]
    [InlineData("Responsibilties", "Responsibilties", "Responsibilities")]
    [InlineData("Requirments", "Requirments", "Requirements")]
    [InlineData("Responsibilities", null, null)]
    public void Given_a_misspelt_keyword_When_classified_Then_the_typo_and_its_fix_are_reported(string title, string? misspelt, string? suggestion)
    {
        var classification = HeadingClassifier.Classify(title);

        Assert.Equal(misspelt, classification.Misspelt);
        Assert.Equal(suggestion, classification.Suggestion);
    }
}
