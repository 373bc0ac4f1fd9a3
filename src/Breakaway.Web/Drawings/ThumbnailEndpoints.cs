using Breakaway.Web.Data;
using Breakaway.Web.Infrastructure.Security;
using Microsoft.EntityFrameworkCore;

namespace Breakaway.Web.Drawings;

/// <summary>
/// A library exercise's small still as an SVG file, so the builder's list can load its pictures lazily (an inline
/// SVG cannot wait until it scrolls into view). Staff only, like the builder; the address carries the exercise's
/// last change, so the browser may keep each picture for a year.
/// </summary>
public static class ThumbnailEndpoints
{
    /// <summary>The route name, for typed links (<c>Url.RouteUrl</c>).</summary>
    public const string RouteName = "exercise-thumbnail";

    public static IEndpointRouteBuilder MapExerciseThumbnails(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/drawings/{id:int}/thumbnail.svg", async (int id, BreakawayDbContext db, DrawingRenderer renderer, HttpContext context) =>
        {
            var exercise = await db.Exercises.Where(e => e.Id == id).Select(e => new { e.Name, e.Drawing }).SingleOrDefaultAsync(context.RequestAborted);
            if (exercise?.Drawing is not { Positions.Count: > 0 } drawing)
            {
                return Results.NotFound();
            }

            var visual = new ExerciseVisual(exercise.Name, "", drawing, 0, VisualSize.Thumbnail);
            context.Response.Headers.CacheControl = "private, max-age=31536000, immutable";
            return Results.Text(renderer.Render(drawing, visual.ThumbnailText, 0, DrawingMode.Thumbnail), "image/svg+xml; charset=utf-8");
        })
            .RequireAuthorization(IdentityRegistration.StaffPolicy)
            .WithName(RouteName);

        return endpoints;
    }
}
