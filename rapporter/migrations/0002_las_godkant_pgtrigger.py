"""The lock of an approved verksamhetsrapport moves from SQL in ekonomi's migration 0002 to
triggers declared on the models (django-pgtrigger, rapporter.models): the old triggers and
their functions are dropped and the declared ones installed, refusing the same changes with
SQLSTATE 23001 (restrict_violation), as every lock of the portal does (forbund/las.py).
Backwards, the old triggers come back as 0002 wrote them."""

import importlib

import pgtrigger.compiler
import pgtrigger.migrations
from django.db import migrations

GAMMAL = importlib.import_module("ekonomi.migrations.0002_verksamhetsrapport")


class Migration(migrations.Migration):
    dependencies = [
        ("rapporter", "0001_initial"),
    ]

    operations = [
        migrations.RunSQL(sql=GAMMAL.REVERSE_SQL, reverse_sql=GAMMAL.SQL),
        pgtrigger.migrations.AddTrigger(
            model_name="rapportavsnitt",
            trigger=pgtrigger.compiler.Trigger(
                name="rapportavsnitt_godkand_las",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    func="IF TG_OP <> 'INSERT' THEN IF EXISTS (SELECT 1 FROM ekonomi_verksamhetsrapport WHERE id = OLD.rapport_id AND status = 'godkand') THEN RAISE EXCEPTION USING ERRCODE = 'restrict_violation', MESSAGE = 'Verksamhetsrapporten är godkänd av styrelsen och kan inte ändras.'; END IF; END IF; IF TG_OP <> 'DELETE' THEN IF EXISTS (SELECT 1 FROM ekonomi_verksamhetsrapport WHERE id = NEW.rapport_id AND status = 'godkand') THEN RAISE EXCEPTION USING ERRCODE = 'restrict_violation', MESSAGE = 'Verksamhetsrapporten är godkänd av styrelsen och kan inte ändras.'; END IF; RETURN NEW; END IF; RETURN OLD;",
                    hash="0710240f47b6b602abb4f44d20e9bccc955ea653",
                    operation="INSERT OR UPDATE OR DELETE",
                    pgid="pgtrigger_rapportavsnitt_godkand_las_6177b",
                    table="ekonomi_rapportavsnitt",
                    when="BEFORE",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="verksamhetsrapport",
            trigger=pgtrigger.compiler.Trigger(
                name="verksamhetsrapport_godkand_las",
                sql=pgtrigger.compiler.UpsertTriggerSql(
                    condition="WHEN (OLD.\"status\" = 'godkand')",
                    func="RAISE EXCEPTION USING ERRCODE = 'restrict_violation', MESSAGE = 'Verksamhetsrapporten är godkänd av styrelsen och kan inte ändras.';",
                    hash="26b609520656499b1e30a21cc49ebf6ae5008513",
                    operation="UPDATE OR DELETE",
                    pgid="pgtrigger_verksamhetsrapport_godkand_las_c6b1e",
                    table="ekonomi_verksamhetsrapport",
                    when="BEFORE",
                ),
            ),
        ),
    ]
