# The JSON → CSV mapping of bench-map.sh in jq (jq -r -f organisations.jq FILE): the same rows
# as organisations-csv.yaml.
(["orgnr", "navn", "orgform", "orgform_navn", "stiftet", "ansatte", "naering", "naering_navn", "hjemmeside",
  "adresse", "postnummer", "poststed", "kommune", "kommunenavn", "mva", "konkurs"] | @csv),
(.[] | [
  .organisasjonsnummer,
  .navn,
  (.organisasjonsform.kode | ascii_downcase),
  .organisasjonsform.beskrivelse,
  (.stiftelsesdato | split("-") | "\(.[2]).\(.[1]).\(.[0])"),
  (.antallAnsatte // 0),
  .naeringskode1.kode,
  .naeringskode1.beskrivelse,
  (if .hjemmeside then "https://" + .hjemmeside else null end),
  (.forretningsadresse.adresse | join(", ")),
  .forretningsadresse.postnummer,
  .forretningsadresse.poststed,
  ("NO-" + .forretningsadresse.kommunenummer),
  .forretningsadresse.kommune,
  .registrertIMvaregisteret,
  .konkurs
] | @csv)
