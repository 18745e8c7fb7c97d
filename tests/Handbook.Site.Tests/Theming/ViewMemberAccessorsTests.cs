namespace Handbook.Site.Tests.Theming;

using System.Reflection;
using Fluid;
using Handbook.JobFamilies.Grades;
using Handbook.Site.Theming;
using Handbook.Site.Theming.Views;

/// <summary>
/// <see cref="ViewMemberAccessors"/> registers each view member by hand (a delegate per member, instead of Fluid's
/// reflection-based <c>Register&lt;T&gt;()</c>): every public property of every view type must be there under the name
/// Fluid's snake-case strategy gives it, or a template would read nothing where it read a value before.
/// </summary>
public sealed class ViewMemberAccessorsTests
{
    public static TheoryData<Type> ViewTypes()
    {
        var data = new TheoryData<Type>();
        var views = typeof(SiteView).Assembly.GetTypes()
            .Where(t => t.IsPublic && t.IsClass && t.Namespace is "Handbook.Site.Theming.Views" or "Handbook.Site.Versions.Views")
            .OrderBy(t => t.FullName, StringComparer.Ordinal);
        foreach (var type in views)
        {
            data.Add(type);
        }

        data.Add(typeof(GradeIndexEntry));
        data.Add(typeof(GradeIndexRole));
        data.Add(typeof(GradeTrackTitle));
        return data;
    }

    [Theory]
    [MemberData(nameof(ViewTypes))]
    public void Given_a_view_type_When_the_members_are_registered_Then_every_public_property_has_its_snake_case_accessor(Type type)
    {
        // Given
        var options = new TemplateOptions();
        options.MemberAccessStrategy.MemberNameStrategy = MemberNameStrategies.SnakeCase;

        // When
        ViewMemberAccessors.RegisterPageViews(options.MemberAccessStrategy);
        ViewMemberAccessors.RegisterVersionViews(options.MemberAccessStrategy);
        ViewMemberAccessors.RegisterReaderViews(options.MemberAccessStrategy);

        // Then
        var missing = type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Select(p => MemberNameStrategies.SnakeCase(p))
            .Where(name => options.MemberAccessStrategy.GetAccessor(type, name) is null)
            .ToList();
        Assert.Empty(missing);
    }

    [Fact]
    public void Given_a_registered_view_When_a_member_is_read_Then_the_accessor_returns_the_property_value_as_an_object()
    {
        // Given
        var options = new TemplateOptions();
        ViewMemberAccessors.RegisterPageViews(options.MemberAccessStrategy);
        var site = new SiteView("Handbook", "https://example.org", "/assets/site.css", "/job-families/");

        // When
        var title = options.MemberAccessStrategy.GetAccessor(typeof(SiteView), "title")!.Get(site, "title", new TemplateContext(options));
        var baseUrl = options.MemberAccessStrategy.GetAccessor(typeof(SiteView), "base_url")!.Get(site, "base_url", new TemplateContext(options));

        // Then
        Assert.Equal("Handbook", title);
        Assert.Equal("https://example.org", baseUrl);
    }
}
