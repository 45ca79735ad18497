"""The chapter pages a synthetic report writes for itself, as a student's own pages would.

Every part a synthetic report fills is printed by these pages (`casebook check` warns otherwise,
macros/render/places.py), so the archive's reports lose nothing their data says.

BAB III is the default template with the programme heading reworded (the default says
"Program dan Layanan Institusi", and `layanan` is a search probe's root, see probes.py);
BAB IV opens with a paragraph of its own before the usual macro calls.
"""

from __future__ import annotations

BAB_3 = """# BAB III Konteks Praktikum Institusi

## 3.1 Gambaran Umum Institusi

**Institusi**: {{ isi('institusi.nama') }}{% if ada('institusi.alamat') %}
**Alamat**: {{ isi('institusi.alamat') }}{% endif %}

{% if ada('institusi.gambaran_umum') %}{{ isi('institusi.gambaran_umum') }}{% endif %}

{% if ada('institusi.profil') %}{{ isi('institusi.profil') }}{% endif %}

{% if ada('institusi.program') %}
## 3.2 Program Institusi

{{ isi('institusi.program') }}
{% endif %}

{% if ada('institusi.penerima_manfaat') %}
## 3.3 Profil Penerima Manfaat

{{ isi('institusi.penerima_manfaat') }}
{% endif %}
"""

BAB_4 = """# BAB IV Penanganan Kasus

{intro}

## 4.1 Tahap Engagement, Intake, dan Kontrak

{% if ada('tahapan') %}
{% for tahap in ['engagement', 'intake', 'kontrak'] %}{% if ada_tahap(tahap) %}
{{ catatan_tahap(tahap) }}
{% endif %}{% endfor %}
{% endif %}

{% if ada('persetujuan') %}
### Informed Consent

{{ persetujuan() }}
{% endif %}

{% if ada_foto('4.1') %}
{{ foto_bagian('4.1') }}
{% endif %}

## 4.2 Tahap Asesmen

{{ proses_asesmen() }}

{% if ada('wawancara') %}
Wawancara dengan klien dan *significant others* dirangkum pada {{ ref('wawancara') }}.

{{ tabel_wawancara() }}
{% endif %}

### Identitas Klien

{{ identitas_klien() }}

{% if ada('asesmen.bpss') %}
### Hasil Asesmen BPSS

{{ bpss() }}
{% endif %}

{% if ada('asesmen.kondisi_ekonomi_sosial_budaya') %}
### Kondisi Ekonomi dan Sosial Budaya

{{ isi('asesmen.kondisi_ekonomi_sosial_budaya') }}
{% endif %}

{% if ada('asesmen.ecomap') %}
### Ecomap

{{ ecomap() }}
{% endif %}

{% if ada('asesmen.genogram') %}
### Genogram

{{ genogram() }}
{% endif %}

{% if ada('asesmen.kekuatan') %}
### Potensi dan Sumber

{{ kuadran_kekuatan() }}
{% endif %}

{% if ada('asesmen.ils') %}
### Independent Living Skills

{{ ils() }}
{% endif %}

### Analisis Masalah

{{ analisis_masalah() }}

{% if ada('konferensi_kasus') %}
### Konferensi Kasus

{{ konferensi_kasus() }}
{% endif %}

{% if ada_foto('4.2') %}
{{ foto_bagian('4.2') }}
{% endif %}

{% if ada('rencana_intervensi') %}
## 4.3 Tahap Rencana Intervensi

{{ tabel_rencana_intervensi() }}
{% endif %}

{% if ada('intervensi') %}
## 4.4 Tahap Intervensi

{{ log_sesi() }}

{{ sesi_intervensi() }}
{% endif %}

{% if ada_foto('4.4') %}
{{ foto_bagian('4.4') }}
{% endif %}

{% if ada('evaluasi') %}
## 4.5 Tahap Evaluasi

{{ evaluasi_proses() }}

{{ tabel_evaluasi() }}

{% if ada('evaluasi.tas') or ada('evaluasi.gas') %}
{{ skala_capaian() }}

{{ grafik_capaian() }}
{% endif %}

{% if ada('evaluasi.faktor_pendukung') or ada('evaluasi.faktor_penghambat') %}
{{ faktor_evaluasi() }}
{% endif %}
{% endif %}

{% if ada_foto('4.5') %}
{{ foto_bagian('4.5') }}
{% endif %}

{% if ada('terminasi') %}
## 4.6 Tahap Terminasi dan Rujukan

{{ terminasi_rujukan() }}
{% endif %}

{% if ada_foto('4.6') %}
{{ foto_bagian('4.6') }}
{% endif %}

{% if ada('asesmen') %}
### Linimasa Penanganan Kasus

{{ linimasa() }}
{% endif %}
"""


def chapter_pages(intro: str, kind: str = "institusi") -> dict[str, str]:
    """File name -> Markdown of the pages a synthetic report writes itself (a community report keeps its
    kind's default chapters: these two pages are an institutional report's)."""
    if kind == "komunitas":
        return {}
    return {"bab-3-konteks-institusi.md": BAB_3, "bab-4-penanganan-kasus.md": BAB_4.replace("{intro}", intro)}
