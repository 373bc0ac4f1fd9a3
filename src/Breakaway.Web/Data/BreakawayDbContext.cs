using Breakaway.Web.Domain;
using Microsoft.EntityFrameworkCore;

namespace Breakaway.Web.Data;

/// <summary>The one database of the app. Table shapes live in <c>Data/Configurations</c>, one class per entity.</summary>
public sealed class BreakawayDbContext(DbContextOptions<BreakawayDbContext> options) : DbContext(options)
{
    public DbSet<Exercise> Exercises => Set<Exercise>();

    public DbSet<StopCue> StopCues => Set<StopCue>();

    public DbSet<ExerciseProgression> ExerciseProgressions => Set<ExerciseProgression>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(BreakawayDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Enums are stored by name: readable in the database and safe when members are reordered.
        configurationBuilder.Properties<BodyRegion>().HaveConversion<string>().HaveMaxLength(20);
        configurationBuilder.Properties<ExerciseCategory>().HaveConversion<string>().HaveMaxLength(20);
    }
}
