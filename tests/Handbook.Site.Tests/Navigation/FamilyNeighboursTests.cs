namespace Handbook.Site.Tests.Navigation;

using Handbook.Site.Catalog;
using Handbook.Site.Navigation;
using Handbook.Site.Theming.Views;
using static Handbook.Site.Tests.Support.Families;

public class FamilyNeighboursTests
{
    private static readonly Handbook.JobFamilies.Model.JobFamily Analyst = Family("finance/analyst", "Financial Analyst");
    private static readonly Handbook.JobFamilies.Model.JobFamily Controller = Family("finance/controller", "Controller");
    private static readonly Handbook.JobFamilies.Model.JobFamily Payroll = Family("finance/payroll", "Payroll Specialist");
    private static readonly Handbook.JobFamilies.Model.JobFamily Recruiter = Family("people/recruiter", "Recruiter");

    // Department pages list families by title: Controller, Financial Analyst, Payroll Specialist.
    private static readonly FamilyCatalog Catalog = FamilyCatalog.From([
        Page(Family("finance", "Finance", isIndex: true)), Page(Payroll), Page(Analyst), Page(Controller), Page(Recruiter),
    ]);

    [Fact]
    public void Given_a_family_in_the_middle_of_its_department_Then_previous_and_next_follow_the_department_list_order()
    {
        var (previous, next) = FamilyNeighbours.Of(Catalog, Analyst);

        Assert.Equal(new LinkView("Controller", "/job-families/finance/controller/"), previous);
        Assert.Equal(new LinkView("Payroll Specialist", "/job-families/finance/payroll/"), next);
    }

    [Fact]
    public void Given_the_first_and_last_families_Then_they_have_no_previous_and_no_next()
    {
        Assert.Null(FamilyNeighbours.Of(Catalog, Controller).Previous);
        Assert.Null(FamilyNeighbours.Of(Catalog, Payroll).Next);
    }

    [Fact]
    public void Given_the_only_family_of_a_department_Then_it_has_no_neighbours_and_never_links_into_another_department()
    {
        Assert.Equal((null, null), FamilyNeighbours.Of(Catalog, Recruiter));
    }

    [Fact]
    public void Given_a_department_index_page_Then_it_has_no_neighbours()
    {
        var index = Catalog.Pages.Single(p => p.Family.IsDepartmentIndex).Family;

        Assert.Equal((null, null), FamilyNeighbours.Of(Catalog, index));
    }
}
