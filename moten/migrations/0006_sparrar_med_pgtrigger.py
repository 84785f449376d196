"""The locks of moten, declared on the models (django-pgtrigger through forbund.sparr.Sparr),
and the constraints of the new tables: installed after 0005 has stored the content of the
protocols already justerade."""

import forbund.sparr
import pgtrigger.compiler
import pgtrigger.migrations
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("moten", "0005_innehall_for_justerade_protokoll"),
    ]

    operations = [
        pgtrigger.migrations.AddTrigger(
            model_name="anslag",
            trigger=pgtrigger.compiler.Trigger(
                name="anslag_sparr",
                sql=forbund.sparr.SparrSql(
                    func="RAISE EXCEPTION 'Anslaget är uppsatt och kan inte ändras (id %).', OLD.id USING ERRCODE = 'restrict_violation';",
                    hash="34797f110de514895a14e91c3cb8472350bbdeec",
                    operation="UPDATE OR DELETE",
                    pgid="pgtrigger_anslag_sparr_0766a",
                    table="moten_anslag",
                    when="BEFORE",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="anslag",
            trigger=pgtrigger.compiler.Trigger(
                name="anslag_bara_justerat",
                sql=forbund.sparr.SparrSql(
                    func="\n                    IF NEW.protokoll_id IS NOT NULL AND NOT EXISTS (\n                        SELECT 1 FROM moten_protokoll\n                        WHERE id = NEW.protokoll_id AND status = 'justerat') THEN\n                        RAISE EXCEPTION 'Bara ett justerat protokoll kan anslås (id %).', NEW.protokoll_id USING ERRCODE = 'restrict_violation';\n                    END IF;\n                    IF NEW.paragraf_id IS NOT NULL AND NOT EXISTS (\n                        SELECT 1 FROM moten_paragraf\n                        WHERE id = NEW.paragraf_id AND omedelbart_justerad IS NOT NULL) THEN\n                        RAISE EXCEPTION 'Bara en omedelbart justerad paragraf kan anslås (id %).', NEW.paragraf_id USING ERRCODE = 'restrict_violation';\n                    END IF;\n                    RETURN NEW;\n                ",
                    hash="5bde6614b48e56aed8be49f601ce3c0e4d825f56",
                    operation="INSERT",
                    pgid="pgtrigger_anslag_bara_justerat_7b4e0",
                    table="moten_anslag",
                    when="BEFORE",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="attsats",
            trigger=pgtrigger.compiler.Trigger(
                name="attsats_sparr",
                sql=forbund.sparr.SparrSql(
                    declare="DECLARE _pid bigint; _status text;",
                    func="\n        IF TG_OP <> 'INSERT' THEN \n        _pid := (SELECT protokoll_id FROM moten_paragraf WHERE id = OLD.paragraf_id);\n        SELECT status INTO _status FROM moten_protokoll WHERE id = _pid;\n        IF _status = 'justerat' THEN RAISE EXCEPTION 'Protokollet är justerat och kan inte ändras (id %).', _pid USING ERRCODE = 'restrict_violation'; END IF;\n        IF _status = 'fardigt' THEN RAISE EXCEPTION 'Anteckningarna är färdiga och kan inte ändras (id %).', _pid USING ERRCODE = 'restrict_violation'; END IF;\n    \n        IF EXISTS (SELECT 1 FROM moten_justering\n                   WHERE protokoll_id = _pid AND justerad IS NOT NULL) THEN\n            RAISE EXCEPTION 'Protokollet justeras: en justerare har redan justerat texten, som därför inte ändras (id %). Återkalla justeringarna först.', _pid USING ERRCODE = 'restrict_violation';\n        END IF;\n    \n        IF EXISTS (SELECT 1 FROM moten_paragraf\n                   WHERE id = OLD.paragraf_id AND omedelbart_justerad IS NOT NULL) THEN\n            RAISE EXCEPTION 'Paragrafen är justerad omedelbart och kan inte ändras (id %).', OLD.paragraf_id USING ERRCODE = 'restrict_violation';\n        END IF;\n     END IF;\n        IF TG_OP <> 'DELETE' THEN \n        _pid := (SELECT protokoll_id FROM moten_paragraf WHERE id = NEW.paragraf_id);\n        SELECT status INTO _status FROM moten_protokoll WHERE id = _pid;\n        IF _status = 'justerat' THEN RAISE EXCEPTION 'Protokollet är justerat och kan inte ändras (id %).', _pid USING ERRCODE = 'restrict_violation'; END IF;\n        IF _status = 'fardigt' THEN RAISE EXCEPTION 'Anteckningarna är färdiga och kan inte ändras (id %).', _pid USING ERRCODE = 'restrict_violation'; END IF;\n    \n        IF EXISTS (SELECT 1 FROM moten_justering\n                   WHERE protokoll_id = _pid AND justerad IS NOT NULL) THEN\n            RAISE EXCEPTION 'Protokollet justeras: en justerare har redan justerat texten, som därför inte ändras (id %). Återkalla justeringarna först.', _pid USING ERRCODE = 'restrict_violation';\n        END IF;\n    \n        IF EXISTS (SELECT 1 FROM moten_paragraf\n                   WHERE id = NEW.paragraf_id AND omedelbart_justerad IS NOT NULL) THEN\n            RAISE EXCEPTION 'Paragrafen är justerad omedelbart och kan inte ändras (id %).', NEW.paragraf_id USING ERRCODE = 'restrict_violation';\n        END IF;\n     END IF;\n        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;\n    ",
                    hash="60f3ee2bfab90962c5c5177ccd3f3ed18eaeb203",
                    operation="INSERT OR UPDATE OR DELETE",
                    pgid="pgtrigger_attsats_sparr_09fdc",
                    table="moten_attsats",
                    when="BEFORE",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="dagordningspunkt",
            trigger=pgtrigger.compiler.Trigger(
                name="dagordningspunkt_sparr",
                sql=forbund.sparr.SparrSql(
                    declare="DECLARE _pid bigint; _status text;",
                    func="\n        IF TG_OP <> 'INSERT' THEN \n        _pid := (SELECT id FROM moten_protokoll WHERE mote_id = OLD.mote_id);\n        SELECT status INTO _status FROM moten_protokoll WHERE id = _pid;\n        IF _status = 'justerat' THEN RAISE EXCEPTION 'Protokollet är justerat och kan inte ändras (id %).', _pid USING ERRCODE = 'restrict_violation'; END IF;\n        IF _status = 'fardigt' THEN RAISE EXCEPTION 'Anteckningarna är färdiga och kan inte ändras (id %).', _pid USING ERRCODE = 'restrict_violation'; END IF;\n     END IF;\n        IF TG_OP <> 'DELETE' THEN \n        _pid := (SELECT id FROM moten_protokoll WHERE mote_id = NEW.mote_id);\n        SELECT status INTO _status FROM moten_protokoll WHERE id = _pid;\n        IF _status = 'justerat' THEN RAISE EXCEPTION 'Protokollet är justerat och kan inte ändras (id %).', _pid USING ERRCODE = 'restrict_violation'; END IF;\n        IF _status = 'fardigt' THEN RAISE EXCEPTION 'Anteckningarna är färdiga och kan inte ändras (id %).', _pid USING ERRCODE = 'restrict_violation'; END IF;\n     END IF;\n        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;\n    ",
                    hash="7b6cc914c06f4a5b17513ef026ffdacb7d580168",
                    operation="INSERT OR UPDATE OR DELETE",
                    pgid="pgtrigger_dagordningspunkt_sparr_322ff",
                    table="moten_dagordningspunkt",
                    when="BEFORE",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="handling",
            trigger=pgtrigger.compiler.Trigger(
                name="handling_sparr",
                sql=forbund.sparr.SparrSql(
                    declare="DECLARE _pid bigint; _status text;",
                    func="\n        IF TG_OP <> 'INSERT' THEN \n        _pid := (SELECT id FROM moten_protokoll WHERE mote_id = OLD.mote_id);\n        SELECT status INTO _status FROM moten_protokoll WHERE id = _pid;\n        IF _status = 'justerat' THEN RAISE EXCEPTION 'Protokollet är justerat och kan inte ändras (id %).', _pid USING ERRCODE = 'restrict_violation'; END IF;\n        IF _status = 'fardigt' THEN RAISE EXCEPTION 'Anteckningarna är färdiga och kan inte ändras (id %).', _pid USING ERRCODE = 'restrict_violation'; END IF;\n     END IF;\n        IF TG_OP <> 'DELETE' THEN \n        _pid := (SELECT id FROM moten_protokoll WHERE mote_id = NEW.mote_id);\n        SELECT status INTO _status FROM moten_protokoll WHERE id = _pid;\n        IF _status = 'justerat' THEN RAISE EXCEPTION 'Protokollet är justerat och kan inte ändras (id %).', _pid USING ERRCODE = 'restrict_violation'; END IF;\n        IF _status = 'fardigt' THEN RAISE EXCEPTION 'Anteckningarna är färdiga och kan inte ändras (id %).', _pid USING ERRCODE = 'restrict_violation'; END IF;\n     END IF;\n        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;\n    ",
                    hash="e9adec0d5df41563ce865f0b99521c69607f72b2",
                    operation="INSERT OR UPDATE OR DELETE",
                    pgid="pgtrigger_handling_sparr_863f8",
                    table="moten_handling",
                    when="BEFORE",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="jav",
            trigger=pgtrigger.compiler.Trigger(
                name="jav_sparr",
                sql=forbund.sparr.SparrSql(
                    declare="DECLARE _pid bigint; _status text;",
                    func="\n        IF TG_OP <> 'INSERT' THEN \n        _pid := (SELECT protokoll_id FROM moten_paragraf WHERE id = OLD.paragraf_id);\n        SELECT status INTO _status FROM moten_protokoll WHERE id = _pid;\n        IF _status = 'justerat' THEN RAISE EXCEPTION 'Protokollet är justerat och kan inte ändras (id %).', _pid USING ERRCODE = 'restrict_violation'; END IF;\n        IF _status = 'fardigt' THEN RAISE EXCEPTION 'Anteckningarna är färdiga och kan inte ändras (id %).', _pid USING ERRCODE = 'restrict_violation'; END IF;\n    \n        IF EXISTS (SELECT 1 FROM moten_justering\n                   WHERE protokoll_id = _pid AND justerad IS NOT NULL) THEN\n            RAISE EXCEPTION 'Protokollet justeras: en justerare har redan justerat texten, som därför inte ändras (id %). Återkalla justeringarna först.', _pid USING ERRCODE = 'restrict_violation';\n        END IF;\n    \n        IF EXISTS (SELECT 1 FROM moten_paragraf\n                   WHERE id = OLD.paragraf_id AND omedelbart_justerad IS NOT NULL) THEN\n            RAISE EXCEPTION 'Paragrafen är justerad omedelbart och kan inte ändras (id %).', OLD.paragraf_id USING ERRCODE = 'restrict_violation';\n        END IF;\n     END IF;\n        IF TG_OP <> 'DELETE' THEN \n        _pid := (SELECT protokoll_id FROM moten_paragraf WHERE id = NEW.paragraf_id);\n        SELECT status INTO _status FROM moten_protokoll WHERE id = _pid;\n        IF _status = 'justerat' THEN RAISE EXCEPTION 'Protokollet är justerat och kan inte ändras (id %).', _pid USING ERRCODE = 'restrict_violation'; END IF;\n        IF _status = 'fardigt' THEN RAISE EXCEPTION 'Anteckningarna är färdiga och kan inte ändras (id %).', _pid USING ERRCODE = 'restrict_violation'; END IF;\n    \n        IF EXISTS (SELECT 1 FROM moten_justering\n                   WHERE protokoll_id = _pid AND justerad IS NOT NULL) THEN\n            RAISE EXCEPTION 'Protokollet justeras: en justerare har redan justerat texten, som därför inte ändras (id %). Återkalla justeringarna först.', _pid USING ERRCODE = 'restrict_violation';\n        END IF;\n    \n        IF EXISTS (SELECT 1 FROM moten_paragraf\n                   WHERE id = NEW.paragraf_id AND omedelbart_justerad IS NOT NULL) THEN\n            RAISE EXCEPTION 'Paragrafen är justerad omedelbart och kan inte ändras (id %).', NEW.paragraf_id USING ERRCODE = 'restrict_violation';\n        END IF;\n     END IF;\n        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;\n    ",
                    hash="3ddf845b64efe8e0c75b01b468facc0d5ad9d1bd",
                    operation="INSERT OR UPDATE OR DELETE",
                    pgid="pgtrigger_jav_sparr_5a618",
                    table="moten_jav",
                    when="BEFORE",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="justering",
            trigger=pgtrigger.compiler.Trigger(
                name="justering_sparr",
                sql=forbund.sparr.SparrSql(
                    declare="DECLARE _pid bigint; _status text;",
                    func="\n        IF TG_OP <> 'INSERT' THEN \n        _pid := OLD.protokoll_id;\n        SELECT status INTO _status FROM moten_protokoll WHERE id = _pid;\n        IF _status = 'justerat' THEN RAISE EXCEPTION 'Protokollet är justerat och kan inte ändras (id %).', _pid USING ERRCODE = 'restrict_violation'; END IF;\n        IF _status = 'fardigt' THEN RAISE EXCEPTION 'Anteckningarna är färdiga och kan inte ändras (id %).', _pid USING ERRCODE = 'restrict_violation'; END IF;\n     END IF;\n        IF TG_OP <> 'DELETE' THEN \n        _pid := NEW.protokoll_id;\n        SELECT status INTO _status FROM moten_protokoll WHERE id = _pid;\n        IF _status = 'justerat' THEN RAISE EXCEPTION 'Protokollet är justerat och kan inte ändras (id %).', _pid USING ERRCODE = 'restrict_violation'; END IF;\n        IF _status = 'fardigt' THEN RAISE EXCEPTION 'Anteckningarna är färdiga och kan inte ändras (id %).', _pid USING ERRCODE = 'restrict_violation'; END IF;\n     END IF;\n        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;\n    ",
                    hash="f6910cb03787416d4b2492280dad2b9681d8c07d",
                    operation="INSERT OR UPDATE OR DELETE",
                    pgid="pgtrigger_justering_sparr_d83a1",
                    table="moten_justering",
                    when="BEFORE",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="mote",
            trigger=pgtrigger.compiler.Trigger(
                name="mote_sparr",
                sql=forbund.sparr.SparrSql(
                    declare="DECLARE _pid bigint; _status text;",
                    func="\n        IF TG_OP <> 'INSERT' THEN \n        _pid := (SELECT id FROM moten_protokoll WHERE mote_id = OLD.id);\n        SELECT status INTO _status FROM moten_protokoll WHERE id = _pid;\n        IF _status = 'justerat' THEN RAISE EXCEPTION 'Protokollet är justerat och kan inte ändras (id %).', _pid USING ERRCODE = 'restrict_violation'; END IF;\n        IF _status = 'fardigt' THEN RAISE EXCEPTION 'Anteckningarna är färdiga och kan inte ändras (id %).', _pid USING ERRCODE = 'restrict_violation'; END IF;\n     END IF;\n        IF TG_OP <> 'DELETE' THEN \n        _pid := (SELECT id FROM moten_protokoll WHERE mote_id = NEW.id);\n        SELECT status INTO _status FROM moten_protokoll WHERE id = _pid;\n        IF _status = 'justerat' THEN RAISE EXCEPTION 'Protokollet är justerat och kan inte ändras (id %).', _pid USING ERRCODE = 'restrict_violation'; END IF;\n        IF _status = 'fardigt' THEN RAISE EXCEPTION 'Anteckningarna är färdiga och kan inte ändras (id %).', _pid USING ERRCODE = 'restrict_violation'; END IF;\n     END IF;\n        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;\n    ",
                    hash="03cf249c7e4ce0e03c07ffe2f0efe1abfd7f8796",
                    operation="UPDATE OR DELETE",
                    pgid="pgtrigger_mote_sparr_a4c13",
                    table="moten_mote",
                    when="BEFORE",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="narvaro",
            trigger=pgtrigger.compiler.Trigger(
                name="narvaro_sparr",
                sql=forbund.sparr.SparrSql(
                    declare="DECLARE _pid bigint; _status text;",
                    func="\n        IF TG_OP <> 'INSERT' THEN \n        _pid := OLD.protokoll_id;\n        SELECT status INTO _status FROM moten_protokoll WHERE id = _pid;\n        IF _status = 'justerat' THEN RAISE EXCEPTION 'Protokollet är justerat och kan inte ändras (id %).', _pid USING ERRCODE = 'restrict_violation'; END IF;\n        IF _status = 'fardigt' THEN RAISE EXCEPTION 'Anteckningarna är färdiga och kan inte ändras (id %).', _pid USING ERRCODE = 'restrict_violation'; END IF;\n    \n        IF EXISTS (SELECT 1 FROM moten_justering\n                   WHERE protokoll_id = _pid AND justerad IS NOT NULL) THEN\n            RAISE EXCEPTION 'Protokollet justeras: en justerare har redan justerat texten, som därför inte ändras (id %). Återkalla justeringarna först.', _pid USING ERRCODE = 'restrict_violation';\n        END IF;\n     END IF;\n        IF TG_OP <> 'DELETE' THEN \n        _pid := NEW.protokoll_id;\n        SELECT status INTO _status FROM moten_protokoll WHERE id = _pid;\n        IF _status = 'justerat' THEN RAISE EXCEPTION 'Protokollet är justerat och kan inte ändras (id %).', _pid USING ERRCODE = 'restrict_violation'; END IF;\n        IF _status = 'fardigt' THEN RAISE EXCEPTION 'Anteckningarna är färdiga och kan inte ändras (id %).', _pid USING ERRCODE = 'restrict_violation'; END IF;\n    \n        IF EXISTS (SELECT 1 FROM moten_justering\n                   WHERE protokoll_id = _pid AND justerad IS NOT NULL) THEN\n            RAISE EXCEPTION 'Protokollet justeras: en justerare har redan justerat texten, som därför inte ändras (id %). Återkalla justeringarna först.', _pid USING ERRCODE = 'restrict_violation';\n        END IF;\n     END IF;\n        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;\n    ",
                    hash="e21a1cf8a5f7b7613e350573b5a58a7271b1024b",
                    operation="INSERT OR UPDATE OR DELETE",
                    pgid="pgtrigger_narvaro_sparr_a38cb",
                    table="moten_narvaro",
                    when="BEFORE",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="paragraf",
            trigger=pgtrigger.compiler.Trigger(
                name="paragraf_sparr",
                sql=forbund.sparr.SparrSql(
                    declare="DECLARE _pid bigint; _status text;",
                    func="\n        IF TG_OP <> 'INSERT' THEN \n        _pid := OLD.protokoll_id;\n        SELECT status INTO _status FROM moten_protokoll WHERE id = _pid;\n        IF _status = 'justerat' THEN RAISE EXCEPTION 'Protokollet är justerat och kan inte ändras (id %).', _pid USING ERRCODE = 'restrict_violation'; END IF;\n        IF _status = 'fardigt' THEN RAISE EXCEPTION 'Anteckningarna är färdiga och kan inte ändras (id %).', _pid USING ERRCODE = 'restrict_violation'; END IF;\n    \n        IF EXISTS (SELECT 1 FROM moten_justering\n                   WHERE protokoll_id = _pid AND justerad IS NOT NULL) THEN\n            RAISE EXCEPTION 'Protokollet justeras: en justerare har redan justerat texten, som därför inte ändras (id %). Återkalla justeringarna först.', _pid USING ERRCODE = 'restrict_violation';\n        END IF;\n     END IF;\n        IF TG_OP <> 'DELETE' THEN \n        _pid := NEW.protokoll_id;\n        SELECT status INTO _status FROM moten_protokoll WHERE id = _pid;\n        IF _status = 'justerat' THEN RAISE EXCEPTION 'Protokollet är justerat och kan inte ändras (id %).', _pid USING ERRCODE = 'restrict_violation'; END IF;\n        IF _status = 'fardigt' THEN RAISE EXCEPTION 'Anteckningarna är färdiga och kan inte ändras (id %).', _pid USING ERRCODE = 'restrict_violation'; END IF;\n    \n        IF EXISTS (SELECT 1 FROM moten_justering\n                   WHERE protokoll_id = _pid AND justerad IS NOT NULL) THEN\n            RAISE EXCEPTION 'Protokollet justeras: en justerare har redan justerat texten, som därför inte ändras (id %). Återkalla justeringarna först.', _pid USING ERRCODE = 'restrict_violation';\n        END IF;\n     END IF;\n        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;\n    ",
                    hash="ac4537b4d29d664059684036e7d52dc42c836ac9",
                    operation="INSERT OR UPDATE OR DELETE",
                    pgid="pgtrigger_paragraf_sparr_30811",
                    table="moten_paragraf",
                    when="BEFORE",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="paragraf",
            trigger=pgtrigger.compiler.Trigger(
                name="paragraf_omedelbar_sparr",
                sql=forbund.sparr.SparrSql(
                    condition='WHEN (OLD."omedelbart_justerad" IS NOT NULL)',
                    func="RAISE EXCEPTION 'Paragrafen är justerad omedelbart och kan inte ändras (id %).', OLD.id USING ERRCODE = 'restrict_violation';",
                    hash="02462e50c578d9e1599181e340da1187ddaf61eb",
                    operation="UPDATE OR DELETE",
                    pgid="pgtrigger_paragraf_omedelbar_sparr_33ab2",
                    table="moten_paragraf",
                    when="BEFORE",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="protokoll",
            trigger=pgtrigger.compiler.Trigger(
                name="protokoll_justeras_med_innehall",
                sql=forbund.sparr.SparrSql(
                    condition="WHEN (NEW.\"status\" = 'justerat' AND NOT (OLD.\"status\" = 'justerat'))",
                    func="\n                    IF NOT EXISTS (SELECT 1 FROM moten_protokollinnehall\n                                   WHERE protokoll_id = NEW.id AND sha256 = NEW.sha256) THEN\n                        RAISE EXCEPTION 'Protokollet justeras bara med sitt innehåll lagrat (id %).', NEW.id USING ERRCODE = 'restrict_violation';\n                    END IF;\n                    RETURN NEW;\n                ",
                    hash="321d7a19e0d80adb0bbbcbcb354da6541a5a8007",
                    operation="UPDATE",
                    pgid="pgtrigger_protokoll_justeras_med_innehall_9b00f",
                    table="moten_protokoll",
                    when="BEFORE",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="protokoll",
            trigger=pgtrigger.compiler.Trigger(
                name="protokoll_sparr",
                sql=forbund.sparr.SparrSql(
                    condition="WHEN (OLD.\"status\" IN ('justerat', 'fardigt'))",
                    func="\n                    IF OLD.status = 'fardigt' THEN RAISE EXCEPTION 'Anteckningarna är färdiga och kan inte ändras (id %).', OLD.id USING ERRCODE = 'restrict_violation'; END IF;\n                    RAISE EXCEPTION 'Protokollet är justerat och kan inte ändras (id %).', OLD.id USING ERRCODE = 'restrict_violation';\n                ",
                    hash="77ee95364fd4650f53de1932311576806faa5de1",
                    operation="UPDATE OR DELETE",
                    pgid="pgtrigger_protokoll_sparr_675ec",
                    table="moten_protokoll",
                    when="BEFORE",
                ),
            ),
        ),
        migrations.AddConstraint(
            model_name="anslag",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("protokoll__isnull", True), ("paragraf__isnull", True), _connector="XOR"
                ),
                name="anslag_protokoll_eller_paragraf",
            ),
        ),
        migrations.AddConstraint(
            model_name="paragraf",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("omedelbart_justerad__isnull", True),
                    models.Q(
                        ("justeras_omedelbart", True),
                        ("nummer__isnull", False),
                        ("omedelbar_innehall__isnull", False),
                        models.Q(("omedelbar_sha256", ""), _negated=True),
                    ),
                    _connector="OR",
                ),
                name="paragraf_omedelbart_justerad_har_nummer_och_innehall",
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="protokollinnehall",
            trigger=pgtrigger.compiler.Trigger(
                name="protokollinnehall_sparr",
                sql=forbund.sparr.SparrSql(
                    func="RAISE EXCEPTION 'Ett justerat protokolls innehåll kan inte ändras (id %).', OLD.protokoll_id USING ERRCODE = 'restrict_violation';",
                    hash="e73e62d383a0dd11b977b4fb494004564d73baa3",
                    operation="UPDATE OR DELETE",
                    pgid="pgtrigger_protokollinnehall_sparr_fd93e",
                    table="moten_protokollinnehall",
                    when="BEFORE",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="protokollinnehall",
            trigger=pgtrigger.compiler.Trigger(
                name="protokollinnehall_bara_vid_justering",
                sql=forbund.sparr.SparrSql(
                    func="\n                    IF NOT EXISTS (SELECT 1 FROM moten_protokoll\n                                   WHERE id = NEW.protokoll_id AND status = 'numrerat') THEN\n                        RAISE EXCEPTION 'Innehållet lagras när protokollet justeras (id %).', NEW.protokoll_id USING ERRCODE = 'restrict_violation';\n                    END IF;\n                    RETURN NEW;\n                ",
                    hash="eda107b62cec9c09b2c6b02c6fb6fce6ed87c404",
                    operation="INSERT",
                    pgid="pgtrigger_protokollinnehall_bara_vid_justering_90ef8",
                    table="moten_protokollinnehall",
                    when="BEFORE",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="justeringskommentar",
            trigger=pgtrigger.compiler.Trigger(
                name="justeringskommentar_sparr",
                sql=forbund.sparr.SparrSql(
                    declare="DECLARE _pid bigint; _status text;",
                    func="\n        IF TG_OP <> 'INSERT' THEN \n        _pid := (SELECT protokoll_id FROM moten_paragraf WHERE id = OLD.paragraf_id);\n        SELECT status INTO _status FROM moten_protokoll WHERE id = _pid;\n        IF _status = 'justerat' THEN RAISE EXCEPTION 'Protokollet är justerat och kan inte ändras (id %).', _pid USING ERRCODE = 'restrict_violation'; END IF;\n        IF _status = 'fardigt' THEN RAISE EXCEPTION 'Anteckningarna är färdiga och kan inte ändras (id %).', _pid USING ERRCODE = 'restrict_violation'; END IF;\n     END IF;\n        IF TG_OP <> 'DELETE' THEN \n        _pid := (SELECT protokoll_id FROM moten_paragraf WHERE id = NEW.paragraf_id);\n        SELECT status INTO _status FROM moten_protokoll WHERE id = _pid;\n        IF _status = 'justerat' THEN RAISE EXCEPTION 'Protokollet är justerat och kan inte ändras (id %).', _pid USING ERRCODE = 'restrict_violation'; END IF;\n        IF _status = 'fardigt' THEN RAISE EXCEPTION 'Anteckningarna är färdiga och kan inte ändras (id %).', _pid USING ERRCODE = 'restrict_violation'; END IF;\n     END IF;\n        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;\n    ",
                    hash="74f4fe5b86928cb39f2775ea517a1956c18b62d9",
                    operation="INSERT OR UPDATE OR DELETE",
                    pgid="pgtrigger_justeringskommentar_sparr_0ed33",
                    table="moten_justeringskommentar",
                    when="BEFORE",
                ),
            ),
        ),
        migrations.AddConstraint(
            model_name="paragrafjustering",
            constraint=models.UniqueConstraint(
                fields=("paragraf", "person"), name="paragrafjustering_en_per_person"
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="paragrafjustering",
            trigger=pgtrigger.compiler.Trigger(
                name="paragrafjustering_sparr",
                sql=forbund.sparr.SparrSql(
                    declare="DECLARE _pid bigint; _status text;",
                    func="\n        IF TG_OP <> 'INSERT' THEN \n        _pid := (SELECT protokoll_id FROM moten_paragraf WHERE id = OLD.paragraf_id);\n        SELECT status INTO _status FROM moten_protokoll WHERE id = _pid;\n        IF _status = 'justerat' THEN RAISE EXCEPTION 'Protokollet är justerat och kan inte ändras (id %).', _pid USING ERRCODE = 'restrict_violation'; END IF;\n        IF _status = 'fardigt' THEN RAISE EXCEPTION 'Anteckningarna är färdiga och kan inte ändras (id %).', _pid USING ERRCODE = 'restrict_violation'; END IF;\n    \n        IF EXISTS (SELECT 1 FROM moten_paragraf\n                   WHERE id = OLD.paragraf_id AND omedelbart_justerad IS NOT NULL) THEN\n            RAISE EXCEPTION 'Paragrafen är justerad omedelbart och kan inte ändras (id %).', OLD.paragraf_id USING ERRCODE = 'restrict_violation';\n        END IF;\n     END IF;\n        IF TG_OP <> 'DELETE' THEN \n        _pid := (SELECT protokoll_id FROM moten_paragraf WHERE id = NEW.paragraf_id);\n        SELECT status INTO _status FROM moten_protokoll WHERE id = _pid;\n        IF _status = 'justerat' THEN RAISE EXCEPTION 'Protokollet är justerat och kan inte ändras (id %).', _pid USING ERRCODE = 'restrict_violation'; END IF;\n        IF _status = 'fardigt' THEN RAISE EXCEPTION 'Anteckningarna är färdiga och kan inte ändras (id %).', _pid USING ERRCODE = 'restrict_violation'; END IF;\n    \n        IF EXISTS (SELECT 1 FROM moten_paragraf\n                   WHERE id = NEW.paragraf_id AND omedelbart_justerad IS NOT NULL) THEN\n            RAISE EXCEPTION 'Paragrafen är justerad omedelbart och kan inte ändras (id %).', NEW.paragraf_id USING ERRCODE = 'restrict_violation';\n        END IF;\n     END IF;\n        RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;\n    ",
                    hash="a574d457288145a01b48fce59f48aa15b42a32c2",
                    operation="INSERT OR UPDATE OR DELETE",
                    pgid="pgtrigger_paragrafjustering_sparr_713e8",
                    table="moten_paragrafjustering",
                    when="BEFORE",
                ),
            ),
        ),
        migrations.AddConstraint(
            model_name="protokolldokument",
            constraint=models.UniqueConstraint(
                fields=("protokoll", "variant"), name="protokolldokument_en_per_variant"
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="protokolldokument",
            trigger=pgtrigger.compiler.Trigger(
                name="protokolldokument_sparr",
                sql=forbund.sparr.SparrSql(
                    func="RAISE EXCEPTION 'Ett lagrat protokoll kan inte ändras (id %).', OLD.id USING ERRCODE = 'restrict_violation';",
                    hash="f2fddc97ce6ce1a2ae8b3dd15a8de4ca020e8f36",
                    operation="UPDATE OR DELETE",
                    pgid="pgtrigger_protokolldokument_sparr_2d279",
                    table="moten_protokolldokument",
                    when="BEFORE",
                ),
            ),
        ),
        pgtrigger.migrations.AddTrigger(
            model_name="protokolldokument",
            trigger=pgtrigger.compiler.Trigger(
                name="protokolldokument_bara_justerat",
                sql=forbund.sparr.SparrSql(
                    func="\n                    IF NOT EXISTS (SELECT 1 FROM moten_protokoll\n                                   WHERE id = NEW.protokoll_id AND status = 'justerat') THEN\n                        RAISE EXCEPTION 'Bara ett justerat protokoll lagras som dokument (id %).', NEW.protokoll_id USING ERRCODE = 'restrict_violation';\n                    END IF;\n                    IF NEW.variant = 'anslaget' AND NOT EXISTS (\n                        SELECT 1 FROM moten_anslag WHERE protokoll_id = NEW.protokoll_id) THEN\n                        RAISE EXCEPTION 'Protokollet är inte anslaget (id %).', NEW.protokoll_id USING ERRCODE = 'restrict_violation';\n                    END IF;\n                    RETURN NEW;\n                ",
                    hash="4241633ee035ddcc26d197cdec46c6ef50bc4ed6",
                    operation="INSERT",
                    pgid="pgtrigger_protokolldokument_bara_justerat_5d606",
                    table="moten_protokolldokument",
                    when="BEFORE",
                ),
            ),
        ),
    ]
