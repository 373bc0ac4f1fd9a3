using Breakaway.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace Breakaway.Tests.Operations;

/// <summary>
/// A change to the model must come with a migration for each provider. EF Core checks this on every start of the site;
/// the suite's hosts skip that check (BreakawayFactory), so it is made here once, for both providers, whichever
/// provider the run uses. Neither context opens a connection for it.
/// </summary>
public sealed class ModelSnapshotTests
{
    [Fact]
    public void SqliteModel_HasNoChangesWithoutAMigration()
    {
        using var db = new SqliteBreakawayDbContext(new DbContextOptionsBuilder<SqliteBreakawayDbContext>().UseSqlite("Data Source=unused.db").Options);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "the model has changes that no SQLite migration (src/Breakaway.Web/Data/Migrations) describes");
    }

    [Fact]
    public void PostgresModel_HasNoChangesWithoutAMigration()
    {
        using var db = new PostgresBreakawayDbContext(new DbContextOptionsBuilder<PostgresBreakawayDbContext>().UseNpgsql("Host=unused;Database=unused").Options);

        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.False(db.Database.HasPendingModelChanges(), "the model has changes that no PostgreSQL migration (src/Breakaway.Web/Data/Migrations/Postgres) describes");
    }
}
