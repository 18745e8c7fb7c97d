namespace Handbook.JobFamilies.Tests.Extends;

using Handbook.JobFamilies.Extends;
using Handbook.JobFamilies.Model;

/// <summary>One fixture per wording of REPORT.md §5, written in our own words, plus prose that must not fire.</summary>
public class ExtendsRecognizerTests
{
    private static ExtendsStatement Recognize(string markdown) =>
        ExtendsRecognizer.TryRecognize(markdown) ?? throw new Xunit.Sdk.XunitException($"not recognised: {markdown}");

    private static string Targets(ExtendsStatement s) => string.Join(s.IsChoice ? " | " : " & ", s.Targets.Select(t => t.ToString()));

    [Theory]
    [InlineData("* Extends the Senior Widget Analyst requirements", "Senior Widget Analyst", "Requirements")]
    [InlineData("* Extends the Widget Analyst (Intermediate) responsibilities.", "Widget Analyst (Intermediate)", "Responsibilities")]
    [InlineData("- Extends that of the Manager, Widget Operations Responsibilities", "Manager, Widget Operations", "Responsibilities")]
    [InlineData("* Extends that of the Lead Widget Planner", "Lead Widget Planner", "")]
    [InlineData("* Extends that the Widget Planner (Intermediate) requirements.", "Widget Planner (Intermediate)", "Requirements")]
    [InlineData("* Extends that of thet Junior Widget Planner responsibilities", "Junior Widget Planner", "Responsibilities")]
    [InlineData("* Extends Senior Widget Engineer, Safety responsibilities, plus;", "Senior Widget Engineer, Safety", "Responsibilities")]
    [InlineData("* Extends the responsibilities of Principal Widget Architect", "Principal Widget Architect", "Responsibilities")]
    [InlineData("* Extends the responsibilities and requirements of the Staff Widget Engineer", "Staff Widget Engineer", "Responsibilities,Requirements")]
    [InlineData("Extends: Staff Widget Program Manager", "Staff Widget Program Manager", "")]
    [InlineData("Extends Senior Widget Program Manager", "Senior Widget Program Manager", "")]
    [InlineData("* Extends the Sr Director of WA responsibilities", "Sr Director of WA", "Responsibilities")]
    [InlineData("* Extends the Widget Success KPIs articulated here", "Widget Success", "PerformanceIndicators")]
    [InlineData("* Extends the Senior Widget Analyst requirments", "Senior Widget Analyst", "Requirements")]
    [InlineData("Extends the Widget Writer (Intermediate) responsibilities in complexity and scope.", "Widget Writer (Intermediate)", "Responsibilities")]
    [InlineData("* Extends the Senior Widget Writer requirements in scope", "Senior Widget Writer", "Requirements")]
    [InlineData("- Extends to that of an Associate Widget Planner", "Associate Widget Planner", "")]
    [InlineData("- Extends to that of a Senior Widget Planner.", "Senior Widget Planner", "")]
    [InlineData("Extends to that of the Manager, Widgets requirements", "Manager, Widgets", "Requirements")]
    public void Extends_list_items_name_the_target_and_sections(string item, string target, string sections)
    {
        var s = Recognize(item);

        Assert.Equal(target, Targets(s));
        Assert.Equal(sections, string.Join(",", s.Sections));
        Assert.False(s.IsChoice);
    }

    [Theory]
    [InlineData("The Senior Widget Engineer role extends the [Widget Engineer](#widget-engineer) role.", "Widget Engineer -> #widget-engineer", "role-extends-name")]
    [InlineData("The Lead Widget Planner extends that of the Widget Planner Associate. The Lead Widget Planner reports to the Director.", "Widget Planner Associate", "role-extends-name")]
    [InlineData("The Director of Widgets role extends the Widget Manager Role through:", "Widget Manager", "role-extends-name")]
    [InlineData("This role extends the Widget Response Manager role by adding vision.", "Widget Response Manager", "role-extends-name")]
    [InlineData("The Senior Manager, Widgets is a [grade 9](/handbook/x/#grades) and extends the responsibilities of the grade 8 manager level.", "grade 8 manager level", "role-extends-sections-of")]
    [InlineData("The responsibilities of the Widget Analyst extend the Junior Widget Analyst role and include:", "Junior Widget Analyst", "role-extends-name")]
    [InlineData("The Senior Widget Engineer for Gadgets extends the Senior Widget Engineer requirements with these additional requirements.", "Senior Widget Engineer", "role-extends-name")]
    [InlineData("The Widget Lead inherits the responsibilities of the Manager, Widget Systems as well as the following:", "Manager, Widget Systems", "inherits")]
    public void Sentences_inside_paragraphs_are_recognised(string paragraph, string target, string wording)
    {
        var s = Recognize(paragraph);

        Assert.Equal(target, Targets(s));
        Assert.Equal(wording, s.Wording);
    }

    [Fact]
    public void A_sentence_statement_keeps_the_following_sentences_as_its_own_text()
    {
        var s = Recognize("The Staff Widget Engineer role extends the [Senior Widget Engineer](#senior-widget-engineer) role. Staff engineers also own the roadmap.");

        Assert.Equal("Staff engineers also own the roadmap.", s.ExtraText);
    }

    [Theory]
    [InlineData("This role includes all of the requirements above, plus:", ExtendsTargetKind.Previous, "Requirements")]
    [InlineData("This role includes all of the responsibilities of the previous level, plus:", ExtendsTargetKind.Previous, "Responsibilities")]
    [InlineData("This role includes all of the performance indicators of the previous level plus:", ExtendsTargetKind.Previous, "PerformanceIndicators")]
    [InlineData("- The manager role includes all of the requirements above, plus:", ExtendsTargetKind.Previous, "Requirements")]
    [InlineData("The Widget Engineers share the same responsibilities outlined above.", ExtendsTargetKind.Previous, "Responsibilities")]
    [InlineData("The Widget Engineer shares the same responsibilities outlined above, plus:", ExtendsTargetKind.Previous, "Responsibilities")]
    [InlineData("The Widget Engineer position has all the same requirements as the ones outlined above plus the following:", ExtendsTargetKind.Previous, "Requirements")]
    [InlineData("The Senior Widget Engineer has all the same responsibilities as the intermediate position plus the following:", ExtendsTargetKind.Intermediate, "Responsibilities")]
    [InlineData("In addition to the same requirements, responsibilities, and performance indicators defined above, this specialty requires:", ExtendsTargetKind.Previous, "Requirements,Responsibilities,PerformanceIndicators")]
    [InlineData("* Extends the general responsibilities with the following:", ExtendsTargetKind.General, "Responsibilities")]
    [InlineData("The Junior Widget Analyst Requirements extend the Requirements section above and include:", ExtendsTargetKind.Previous, "Requirements")]
    [InlineData("* Includes all Senior level requirements listed.", ExtendsTargetKind.Named, "Requirements")]
    [InlineData("- All responsibilities of previous roles plus:", ExtendsTargetKind.Previous, "Responsibilities")]
    [InlineData("- All requirements of the previous role, plus:", ExtendsTargetKind.Previous, "Requirements")]
    [InlineData("- All responsibilities of previous gadget roles plus:", ExtendsTargetKind.Previous, "Responsibilities")]
    [InlineData("All responsibilities of previous roles plus:", ExtendsTargetKind.Previous, "Responsibilities")]
    [InlineData("All requirements of the previous level plus:", ExtendsTargetKind.Previous, "Requirements")]
    public void Positional_and_general_targets(string text, ExtendsTargetKind kind, string sections)
    {
        var s = Recognize(text);

        Assert.Equal(kind, s.Targets.Single().Kind);
        Assert.Equal(sections, string.Join(",", s.Sections));
    }

    [Theory]
    [InlineData("- All responsibilities of previous roles plus:", null)]
    [InlineData("- All requirements of the previous levels plus:", null)]
    [InlineData("- All responsibilities of previous manager roles plus:", "manager")]
    [InlineData("- All requirements of previous Gadget positions, plus:", "gadget")]
    public void A_word_between_previous_and_roles_narrows_the_previous_role(string text, string? qualifier)
    {
        var target = Recognize(text).Targets.Single();

        Assert.Equal(ExtendsTargetKind.Previous, target.Kind);
        Assert.Equal(qualifier, target.Qualifier);
    }

    [Theory]
    [InlineData("All the responsibilities of a Widget Analyst, plus:", "Widget Analyst", "Responsibilities")]
    [InlineData("All the requirements of a Widget Analyst at previous levels, plus:", "Widget Analyst", "Requirements")]
    [InlineData("* All of the responsibilities of a Widget Architect plus the following:", "Widget Architect", "Responsibilities")]
    [InlineData("- All requirements for a Widget Analyst; plus:", "Widget Analyst", "Requirements")]
    [InlineData("* The responsibilities of a Senior Widget Engineer, Automation, plus;", "Senior Widget Engineer, Automation", "Responsibilities")]
    [InlineData("* The same responsibilities of a Widget Security Manager, plus the below:", "Widget Security Manager", "Responsibilities")]
    [InlineData("In addition to the same requirements, responsibilities, and performance indicators defined above for the Manager, Widgets, Delivery specialty requires:", "Manager, Widgets, Delivery", "Requirements,Responsibilities,PerformanceIndicators")]
    [InlineData("In addition to meeting all of the requirements of a Manager, Widget Marketing, the Senior Manager will have the following:", "Manager, Widget Marketing", "Requirements")]
    [InlineData("* Same responsibilities as the Manager listed above and also:", "Manager", "Responsibilities")]
    [InlineData("* Everything under Senior Widget Administrator\" plus the following items:", "Senior Widget Administrator", "")]
    [InlineData("* Everything in the Widget Administrator role, plus:", "Widget Administrator", "")]
    [InlineData("The Senior Widget Scientist has all of the responsibilities of an Intermediate Widget Scientist, plus:", "Intermediate Widget Scientist", "Responsibilities")]
    [InlineData("The Senior Widget Scientist meets all of the requirements of an Intermediate Widget Scientist, plus:", "Intermediate Widget Scientist", "Requirements")]
    [InlineData("The Associate Widget Architect has the same responsibilites and requirements as a Widget Architect, but with less experience.", "Widget Architect", "Responsibilities,Requirements")]
    [InlineData("The job requirements of this specialization include all of the requirements for the **Manager, Widgets** role. In addition, requirements for the specialization include:", "Manager, Widgets", "Requirements")]
    [InlineData("The Senior Widget Manager shares the same responsibilities and requirements as the Widget Manager listed above, but also carries the following:", "Widget Manager", "Responsibilities,Requirements")]
    [InlineData("In addition to the other Widget Designer responsibilities, Gear Widget Designers are also expected to:", "Widget Designer", "Responsibilities")]
    [InlineData("Widget Designers on the Gears team adhere to the same responsibilities listed above for the Widget Designer role.", "Widget Designer", "Responsibilities")]
    [InlineData("- The gadgeteer must meet the requirements for a Senior Gadget Engineer (or above).", "Senior Gadget Engineer", "Requirements")]
    [InlineData("Applicants should meet the responsibilities of the Gadget Planner, plus:", "Gadget Planner", "Responsibilities")]
    [InlineData("Responsibilities for the Widget Analyst (Intermediate) extend the Associate Widget Analyst job. In addition:", "Associate Widget Analyst", "Responsibilities")]
    [InlineData("Requirements for the Senior Widget Planner extend the Widget Planner (Intermediate) job.", "Widget Planner (Intermediate)", "Requirements")]
    [InlineData("Requirements of the Lead Gadget Planner extend the Senior Gadget Planner role:", "Senior Gadget Planner", "Requirements")]
    [InlineData("The Intermediate responsibilities, plus the responsibilities below:", "Intermediate", "Responsibilities")]
    [InlineData("The Senior Gadget Planner requirements and responsibilities, plus:", "Senior Gadget Planner", "Requirements,Responsibilities")]
    public void Other_wordings_name_the_target(string text, string target, string sections)
    {
        var s = Recognize(text);

        Assert.Equal(target, Targets(s));
        Assert.Equal(sections, string.Join(",", s.Sections));
    }

    [Fact]
    public void Own_text_after_plus_is_kept()
    {
        var s = Recognize("The Associate Widget Architect has the same responsibilites and requirements as a Widget Architect, but with less experience.");

        Assert.Equal("but with less experience.", s.ExtraText);
    }

    [Theory]
    [InlineData("* Extends that of the Widget Manager (Intermediate) or Senior Widget Manager Responsibilities", "Widget Manager (Intermediate) | Senior Widget Manager")]
    [InlineData("- Extends that of the Senior Manager, Staff, Principal, or Director level Widget Strategy", "Senior Manager Widget Strategy | Staff Widget Strategy | Principal Widget Strategy | Director Widget Strategy")]
    [InlineData("* Extends that of the Director or Senior Director of Widget Success requirements", "Director of Widget Success | Senior Director of Widget Success")]
    [InlineData("* Extends the responsibilities and requirements of the Senior or Staff level [Widget Engineer](/job-families/eng/widget/)", "Senior Widget Engineer -> /job-families/eng/widget/ | Staff Widget Engineer -> /job-families/eng/widget/")]
    [InlineData("* Extends either the [Staff Gadget Engineer](/job-families/eng/gadget#staff) or the [Staff Widget Engineer](/job-families/eng/widget/#staff)", "Staff Gadget Engineer -> /job-families/eng/gadget#staff | Staff Widget Engineer -> /job-families/eng/widget/#staff")]
    public void Alternatives_become_a_choice(string text, string targets)
    {
        var s = Recognize(text);

        Assert.True(s.IsChoice);
        Assert.Equal(targets, Targets(s));
    }

    [Theory]
    [InlineData("* Extends Manager & Senior Manager, Widget Assembly requirements.", "Manager, Widget Assembly & Senior Manager, Widget Assembly")]
    [InlineData("* Extends the Senior and Staff Gadget Engineer responsibilities", "Senior Gadget Engineer & Staff Gadget Engineer")]
    [InlineData("* Extends the Director, Sales and Marketing requirements", "Director, Sales and Marketing")]
    [InlineData("* Extends the VP and General Manager responsibilities", "VP and General Manager")]
    [InlineData("* Extends the Senior and Staff responsibilities", "Senior and Staff")]
    public void Levels_joined_by_and_share_the_family_words_of_the_last(string text, string targets)
    {
        var s = Recognize(text);

        Assert.Equal(targets, Targets(s));
        Assert.False(s.IsChoice);
    }

    [Fact]
    public void Links_joined_by_and_are_all_extended()
    {
        var s = Recognize("The Director of Widgets role extends the [Gadget Manager](/job-families/a/), [Widget Manager](/job-families/b/), and [Sprocket Manager](/job-families/c/) roles.");

        Assert.False(s.IsChoice);
        Assert.Equal(["/job-families/a/", "/job-families/b/", "/job-families/c/"], s.Targets.Select(t => t.Link));
    }

    [Fact]
    public void A_heading_with_extends_in_parentheses_is_a_statement()
    {
        var s = Recognize("#### Responsibilities (extends [Senior Widget Engineer Responsibilities](#responsibilities-1))");

        Assert.Equal("#responsibilities-1", s.Targets.Single().Link);
        Assert.Equal([SectionKind.Responsibilities], s.Sections);
    }

    [Fact]
    public void Lines_of_a_paragraph_are_separate_sentences()
    {
        var s = Recognize("Extends Senior Widget Program Manager\nOwn a widget area end to end\nDrive the roadmap");

        Assert.Equal("Senior Widget Program Manager", Targets(s));
        Assert.Equal("Own a widget area end to end\nDrive the roadmap", s.ExtraText);
    }

    [Theory]
    [InlineData("* Assist in finding partners to extend our selling and delivery bench.")]
    [InlineData("* Extended experience in Sales Operations or Finance")]
    [InlineData("Level responsibilities may be extended or overlayed by [Specialty Roles](#specialties) when they apply.")]
    [InlineData("Widget engineers build the system that extends GitLab to function as a universal widget tool.")]
    [InlineData("The communications manager will work closely with leadership to extend the reach of executive events.")]
    [InlineData("* Define and extend our internal standards for style and maintenance")]
    [InlineData("* Design, develop, and extend the product to feed predictive models")]
    [InlineData("* Play a key part in financial management which includes all areas of the financial close")]
    [InlineData("* Lead sales training (includes all levels of the sales team and partners).")]
    [InlineData("* Basic SQL skills a big plus; we have experts")]
    [InlineData("The team extends the Product roadmap every quarter.")]
    [InlineData("* Extends our reach into new markets")]
    [InlineData("* Extends the Sales Manager dashboard with forecasts")]
    [InlineData("* Extends GitLab's reach to new customers")]
    [InlineData("* Develop the architecture by extending existing features")]
    [InlineData("All the requirements of the project must be documented in an issue.")]
    [InlineData("Everything in GitLab is open source.")]
    [InlineData("In addition to the team responsibilities, you will mentor new hires.")]
    [InlineData("In addition to the above requirements, you will need a passport.")]
    [InlineData("Teams adhere to the same requirements as everyone else.")]
    [InlineData("Candidates must meet the requirements for a gadget licence.")]
    [InlineData("Every release must meet the requirements of our gadget policy.")]
    [InlineData("Responsibilities for the team extend the scope of the project.")]
    [InlineData("Requirements for this job extend beyond the basics.")]
    [InlineData("The team responsibilities, plus a few more.")]
    [InlineData("The Gadget responsibilities, plus travel.")]
    public void Ordinary_prose_is_not_a_statement(string text)
    {
        Assert.Null(ExtendsRecognizer.TryRecognize(text));
    }

    [Theory]
    [InlineData("- Includes [base-level duties](#duties).", ExtendsTargetKind.General, null, "#duties")]
    [InlineData("- Includes [base-level responsibilities](#responsibilities).", ExtendsTargetKind.General, null, "#responsibilities")]
    [InlineData("* Includes [Senior-level requirements](#senior-gadget-fitter-requirements)", ExtendsTargetKind.Named, "Senior", "#senior-gadget-fitter-requirements")]
    [InlineData("Includes the [Gadget Fitter level responsibilities](/job-families/tools/gadget-fitter/#gadget-fitter), plus:", ExtendsTargetKind.Named, "Gadget Fitter", "/job-families/tools/gadget-fitter/#gadget-fitter")]
    public void Includes_with_a_link_over_the_sections_is_a_statement(string text, ExtendsTargetKind kind, string? name, string link)
    {
        var s = Recognize(text);

        Assert.Equal("includes-linked-sections", s.Wording);
        var target = s.Targets.Single();
        Assert.Equal(kind, target.Kind);
        Assert.Equal(name, target.Name);
        Assert.Equal(link, target.Link);
    }

    [Theory]
    [InlineData("- Includes base-level responsibilities.")]
    [InlineData("- Includes [on-call responsibilities](/handbook/engineering/on-call/).")]
    [InlineData("The role includes [travel requirements](#travel) for some regions.")]
    [InlineData("* Includes [weekly reporting](#reporting) to the team")]
    public void Includes_without_a_link_to_a_role_is_prose(string text)
    {
        Assert.Null(ExtendsRecognizer.TryRecognize(text));
    }
}
