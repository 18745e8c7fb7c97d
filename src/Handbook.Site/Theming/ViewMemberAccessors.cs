namespace Handbook.Site.Theming;

using Fluid;
using Handbook.JobFamilies.Grades;
using Handbook.Site.Theming.Views;
using Handbook.Site.Versions.Views;

/// <summary>
/// The members templates read on each view type, registered one by one with a delegate. Fluid's
/// <c>Register&lt;T&gt;()</c> made a reflection accessor per property instead: a <c>PropertyInfoAccessor.Invoker&lt;T,
/// TResult&gt;</c> created through <c>Activator.CreateInstance</c>, for which the runtime emits and JIT-compiles an invoke
/// stub per accessor type in every build (≈ 40 methods the ReadyToRun image cannot hold). A delegate accessor over
/// reference types is shared code the image holds. Each name is the snake-case name Fluid's
/// <see cref="MemberNameStrategies.SnakeCase"/> gives the property, and values go back as objects, as the reflection
/// accessor returned them. <c>ViewMemberAccessorsTests</c> checks that every public property of these types is here.
/// </summary>
internal static class ViewMemberAccessors
{
    public static void RegisterPageViews(MemberAccessStrategy strategy)
    {
        strategy.Register<SiteView, object?>("title", static view => view.Title);
        strategy.Register<SiteView, object?>("base_url", static view => view.BaseUrl);
        strategy.Register<SiteView, object?>("stylesheet_url", static view => view.StylesheetUrl);
        strategy.Register<SiteView, object?>("home_url", static view => view.HomeUrl);
        strategy.Register<SiteView, object?>("changes_feed_url", static view => view.ChangesFeedUrl);

        strategy.Register<PageView, object?>("title", static view => view.Title);
        strategy.Register<PageView, object?>("description", static view => view.Description);
        strategy.Register<PageView, object?>("url", static view => view.Url);
        strategy.Register<PageView, object?>("canonical_url", static view => view.CanonicalUrl);
        strategy.Register<PageView, object?>("breadcrumbs", static view => view.Breadcrumbs);
        strategy.Register<PageView, object?>("scripts", static view => view.Scripts);
        strategy.Register<PageView, object?>("no_index", static view => view.NoIndex);
        strategy.Register<PageView, object?>("og_type", static view => view.OgType);
        strategy.Register<PageView, object?>("json_ld", static view => view.JsonLd);

        strategy.Register<LinkView, object?>("text", static view => view.Text);
        strategy.Register<LinkView, object?>("url", static view => view.Url);

        strategy.Register<GradeView, object?>("value", static view => view.Value);
        strategy.Register<GradeView, object?>("title", static view => view.Title);
        strategy.Register<GradeView, object?>("track", static view => view.Track);
        strategy.Register<GradeView, object?>("url", static view => view.Url);
        strategy.Register<GradeView, object?>("resolved", static view => view.Resolved);

        strategy.Register<RoleView, object?>("name", static view => view.Name);
        strategy.Register<RoleView, object?>("anchor", static view => view.Anchor);
        strategy.Register<RoleView, object?>("grade", static view => view.Grade);
        strategy.Register<RoleView, object?>("extends", static view => view.Extends);

        strategy.Register<FamilyView, object?>("title", static view => view.Title);
        strategy.Register<FamilyView, object?>("description", static view => view.Description);
        strategy.Register<FamilyView, object?>("url", static view => view.Url);
        strategy.Register<FamilyView, object?>("department", static view => view.Department);
        strategy.Register<FamilyView, object?>("levels", static view => view.Levels);
        strategy.Register<FamilyView, object?>("specialties", static view => view.Specialties);
        strategy.Register<FamilyView, object?>("page_role", static view => view.PageRole);
        strategy.Register<FamilyView, object?>("levels_anchor", static view => view.LevelsAnchor);
        strategy.Register<FamilyView, object?>("specialties_anchor", static view => view.SpecialtiesAnchor);
        strategy.Register<FamilyView, object?>("has_grades", static view => view.HasGrades);
        strategy.Register<FamilyView, object?>("body_html", static view => view.BodyHtml);
        strategy.Register<FamilyView, object?>("children", static view => view.Children);
        strategy.Register<FamilyView, object?>("history", static view => view.History);
        strategy.Register<FamilyView, object?>("toc", static view => view.Toc);
        strategy.Register<FamilyView, object?>("glance", static view => view.Glance);
        strategy.Register<FamilyView, object?>("previous", static view => view.Previous);
        strategy.Register<FamilyView, object?>("next", static view => view.Next);
        strategy.Register<FamilyView, object?>("edit_url", static view => view.EditUrl);
        strategy.Register<FamilyView, object?>("grade_index_url", static view => view.GradeIndexUrl);
        strategy.Register<FamilyView, object?>("source_path", static view => view.SourcePath);
        strategy.Register<FamilyView, object?>("body_html_utf8", static view => view.BodyHtmlUtf8);
        strategy.Register<FamilyView, object?>("body_html_buffered", static view => view.BodyHtmlBuffered);

        strategy.Register<FamilySummaryView, object?>("title", static view => view.Title);
        strategy.Register<FamilySummaryView, object?>("description", static view => view.Description);
        strategy.Register<FamilySummaryView, object?>("url", static view => view.Url);

        strategy.Register<DepartmentView, object?>("slug", static view => view.Slug);
        strategy.Register<DepartmentView, object?>("title", static view => view.Title);
        strategy.Register<DepartmentView, object?>("url", static view => view.Url);
        strategy.Register<DepartmentView, object?>("content_html", static view => view.ContentHtml);
        strategy.Register<DepartmentView, object?>("families", static view => view.Families);
        strategy.Register<DepartmentView, object?>("family_count", static view => view.FamilyCount);
        strategy.Register<DepartmentView, object?>("content_lists_families", static view => view.ContentListsFamilies);
        strategy.Register<DepartmentView, object?>("description", static view => view.Description);
        strategy.Register<DepartmentView, object?>("edit_url", static view => view.EditUrl);
        strategy.Register<DepartmentView, object?>("content_html_utf8", static view => view.ContentHtmlUtf8);
        strategy.Register<DepartmentView, object?>("content_html_buffered", static view => view.ContentHtmlBuffered);

        strategy.Register<GradeRowView, object?>("id", static view => view.Id);
        strategy.Register<GradeRowView, object?>("anchor", static view => view.Anchor);
        strategy.Register<GradeRowView, object?>("title", static view => view.Title);
        strategy.Register<GradeRowView, object?>("track_titles", static view => view.TrackTitles);
        strategy.Register<GradeRowView, object?>("career_track", static view => view.CareerTrack);
        strategy.Register<GradeRowView, object?>("equivalent", static view => view.Equivalent);
        strategy.Register<GradeRowView, object?>("note", static view => view.Note);

        strategy.Register<TrackTitleView, object?>("track", static view => view.Track);
        strategy.Register<TrackTitleView, object?>("title", static view => view.Title);

        strategy.Register<GradeIndexEntry, object?>("id", static view => view.Id);
        strategy.Register<GradeIndexEntry, object?>("anchor", static view => view.Anchor);
        strategy.Register<GradeIndexEntry, object?>("title", static view => view.Title);
        strategy.Register<GradeIndexEntry, object?>("track_titles", static view => view.TrackTitles);
        strategy.Register<GradeIndexEntry, object?>("career_track", static view => view.CareerTrack);
        strategy.Register<GradeIndexEntry, object?>("equivalent", static view => view.Equivalent);
        strategy.Register<GradeIndexEntry, object?>("note", static view => view.Note);
        strategy.Register<GradeIndexEntry, object?>("roles", static view => view.Roles);

        strategy.Register<GradeIndexRole, object?>("grade", static view => view.Grade);
        strategy.Register<GradeIndexRole, object?>("family", static view => view.Family);
        strategy.Register<GradeIndexRole, object?>("family_url", static view => view.FamilyUrl);
        strategy.Register<GradeIndexRole, object?>("department", static view => view.Department);
        strategy.Register<GradeIndexRole, object?>("role", static view => view.Role);
        strategy.Register<GradeIndexRole, object?>("kind", static view => view.Kind);
        strategy.Register<GradeIndexRole, object?>("url", static view => view.Url);
        strategy.Register<GradeIndexRole, object?>("track", static view => view.Track);
        strategy.Register<GradeIndexRole, object?>("title", static view => view.Title);

        strategy.Register<GradeTrackTitle, object?>("track", static view => view.Track);
        strategy.Register<GradeTrackTitle, object?>("track_name", static view => view.TrackName);
        strategy.Register<GradeTrackTitle, object?>("title", static view => view.Title);

        strategy.Register<TocEntryView, object?>("text", static view => view.Text);
        strategy.Register<TocEntryView, object?>("url", static view => view.Url);
        strategy.Register<TocEntryView, object?>("children", static view => view.Children);

        strategy.Register<GlanceRowView, object?>("level", static view => view.Level);
        strategy.Register<GlanceRowView, object?>("anchor", static view => view.Anchor);
        strategy.Register<GlanceRowView, object?>("grade", static view => view.Grade);
        strategy.Register<GlanceRowView, object?>("grade_index_url", static view => view.GradeIndexUrl);
    }

    public static void RegisterVersionViews(MemberAccessStrategy strategy)
    {
        strategy.Register<VersionBannerView, object?>("id", static view => view.Id);
        strategy.Register<VersionBannerView, object?>("date", static view => view.Date);
        strategy.Register<VersionBannerView, object?>("date_iso", static view => view.DateIso);
        strategy.Register<VersionBannerView, object?>("subject", static view => view.Subject);
        strategy.Register<VersionBannerView, object?>("short_sha", static view => view.ShortSha);
        strategy.Register<VersionBannerView, object?>("commit_url", static view => view.CommitUrl);
        strategy.Register<VersionBannerView, object?>("current_url", static view => view.CurrentUrl);
        strategy.Register<VersionBannerView, object?>("history_url", static view => view.HistoryUrl);
        strategy.Register<VersionBannerView, object?>("is_latest", static view => view.IsLatest);
        strategy.Register<VersionBannerView, object?>("unknown_grades", static view => view.UnknownGrades);
        strategy.Register<VersionBannerView, object?>("at_shallow_boundary", static view => view.AtShallowBoundary);

        strategy.Register<FamilyHistoryView, object?>("last_changed", static view => view.LastChanged);
        strategy.Register<FamilyHistoryView, object?>("last_changed_iso", static view => view.LastChangedIso);
        strategy.Register<FamilyHistoryView, object?>("history_url", static view => view.HistoryUrl);
        strategy.Register<FamilyHistoryView, object?>("version_count", static view => view.VersionCount);

        strategy.Register<HistoryEntryView, object?>("id", static view => view.Id);
        strategy.Register<HistoryEntryView, object?>("url", static view => view.Url);
        strategy.Register<HistoryEntryView, object?>("date", static view => view.Date);
        strategy.Register<HistoryEntryView, object?>("date_iso", static view => view.DateIso);
        strategy.Register<HistoryEntryView, object?>("subject", static view => view.Subject);
        strategy.Register<HistoryEntryView, object?>("short_sha", static view => view.ShortSha);
        strategy.Register<HistoryEntryView, object?>("commit_url", static view => view.CommitUrl);
        strategy.Register<HistoryEntryView, object?>("is_latest", static view => view.IsLatest);
        strategy.Register<HistoryEntryView, object?>("is_first", static view => view.IsFirst);
        strategy.Register<HistoryEntryView, object?>("at_shallow_boundary", static view => view.AtShallowBoundary);
        strategy.Register<HistoryEntryView, object?>("folded_count", static view => view.FoldedCount);
        strategy.Register<HistoryEntryView, object?>("unknown_grades", static view => view.UnknownGrades);
        strategy.Register<HistoryEntryView, object?>("grade_changes", static view => view.GradeChanges);
        strategy.Register<HistoryEntryView, object?>("changes", static view => view.Changes);

        strategy.Register<RoleChangeView, object?>("role", static view => view.Role);
        strategy.Register<RoleChangeView, object?>("kind", static view => view.Kind);
        strategy.Register<RoleChangeView, object?>("grade", static view => view.Grade);
        strategy.Register<RoleChangeView, object?>("sections", static view => view.Sections);

        strategy.Register<SectionChangeView, object?>("section", static view => view.Section);
        strategy.Register<SectionChangeView, object?>("kind", static view => view.Kind);
        strategy.Register<SectionChangeView, object?>("added", static view => view.Added);
        strategy.Register<SectionChangeView, object?>("removed", static view => view.Removed);
        strategy.Register<SectionChangeView, object?>("reworded", static view => view.Reworded);

        strategy.Register<ItemChangeView, object?>("old", static view => view.Old);
        strategy.Register<ItemChangeView, object?>("new", static view => view.New);

        strategy.Register<RecentChangeView, object?>("date", static view => view.Date);
        strategy.Register<RecentChangeView, object?>("date_iso", static view => view.DateIso);
        strategy.Register<RecentChangeView, object?>("family_title", static view => view.FamilyTitle);
        strategy.Register<RecentChangeView, object?>("family_url", static view => view.FamilyUrl);
        strategy.Register<RecentChangeView, object?>("version_url", static view => view.VersionUrl);
        strategy.Register<RecentChangeView, object?>("history_url", static view => view.HistoryUrl);
        strategy.Register<RecentChangeView, object?>("subject", static view => view.Subject);
        strategy.Register<RecentChangeView, object?>("summary", static view => view.Summary);
        strategy.Register<RecentChangeView, object?>("grade_changes", static view => view.GradeChanges);
    }

    public static void RegisterReaderViews(MemberAccessStrategy strategy)
    {
        strategy.Register<CompareLevelView, object?>("name", static view => view.Name);
        strategy.Register<CompareLevelView, object?>("anchor", static view => view.Anchor);
        strategy.Register<CompareLevelView, object?>("url", static view => view.Url);
        strategy.Register<CompareLevelView, object?>("grade", static view => view.Grade);
        strategy.Register<CompareLevelView, object?>("column", static view => view.Column);

        strategy.Register<CompareCellView, object?>("text", static view => view.Text);
        strategy.Register<CompareCellView, object?>("inherited_from", static view => view.InheritedFrom);

        strategy.Register<CompareRowView, object?>("has", static view => view.Has);
        strategy.Register<CompareRowView, object?>("cells", static view => view.Cells);

        strategy.Register<CompareSectionView, object?>("title", static view => view.Title);
        strategy.Register<CompareSectionView, object?>("rows", static view => view.Rows);

        strategy.Register<ComparePairView, object?>("id", static view => view.Id);
        strategy.Register<ComparePairView, object?>("left", static view => view.Left);
        strategy.Register<ComparePairView, object?>("right", static view => view.Right);

        strategy.Register<CompareChoiceView, object?>("level", static view => view.Level);
        strategy.Register<CompareChoiceView, object?>("pairs", static view => view.Pairs);

        strategy.Register<ComparePageView, object?>("title", static view => view.Title);
        strategy.Register<ComparePageView, object?>("url", static view => view.Url);
        strategy.Register<ComparePageView, object?>("levels", static view => view.Levels);
        strategy.Register<ComparePageView, object?>("pairs", static view => view.Pairs);
        strategy.Register<ComparePageView, object?>("choices", static view => view.Choices);
        strategy.Register<ComparePageView, object?>("sections", static view => view.Sections);

        strategy.Register<LadderLevelView, object?>("name", static view => view.Name);
        strategy.Register<LadderLevelView, object?>("url", static view => view.Url);
        strategy.Register<LadderLevelView, object?>("grade", static view => view.Grade);

        strategy.Register<LadderFamilyView, object?>("title", static view => view.Title);
        strategy.Register<LadderFamilyView, object?>("url", static view => view.Url);
        strategy.Register<LadderFamilyView, object?>("description", static view => view.Description);
        strategy.Register<LadderFamilyView, object?>("grade_range", static view => view.GradeRange);
        strategy.Register<LadderFamilyView, object?>("levels", static view => view.Levels);
        strategy.Register<LadderFamilyView, object?>("specialties", static view => view.Specialties);
        strategy.Register<LadderFamilyView, object?>("career_links", static view => view.CareerLinks);
        strategy.Register<LadderFamilyView, object?>("compare_url", static view => view.CompareUrl);

        strategy.Register<LadderPageView, object?>("title", static view => view.Title);
        strategy.Register<LadderPageView, object?>("url", static view => view.Url);
        strategy.Register<LadderPageView, object?>("families", static view => view.Families);
    }
}
