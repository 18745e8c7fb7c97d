namespace Handbook.JobFamilies.Grades;

/// <summary>
/// What one page's grade resolution read from the grade table (<see cref="GradeResolver"/>): the track whose titles
/// it shows (<see cref="GradeTrackSelector"/>) and every grade id it looked up – each value of each mention with grade
/// text, once, in the order met. Of a grade found it reads only the id as written and its title in that track.
/// </summary>
public sealed record GradeLookups(string TrackId, IReadOnlyList<GradeId> Ids);
