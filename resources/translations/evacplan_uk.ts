<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk_UA" sourcelanguage="en_GB">
<context>
    <name>ActionsMixin</name>
    <message>
        <location filename="../../ui/window/actions.py" line="55" />
        <source>&amp;New plan…</source>
        <translation>&amp;Новий план…</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="56" />
        <source>&amp;Open…</source>
        <translation>&amp;Відкрити…</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="57" />
        <source>&amp;Save</source>
        <translation>&amp;Зберегти</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="58" />
        <source>Save &amp;as…</source>
        <translation>Зберегти &amp;як…</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="59" />
        <source>Start page</source>
        <translation>Стартова сторінка</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="60" />
        <source>&amp;Quit</source>
        <translation>&amp;Вийти</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="62" />
        <source>&amp;Compute</source>
        <translation>&amp;Розрахувати</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="62" />
        <source>Route and schedule the plan (F5)</source>
        <translation>Прокласти маршрути й скласти розклад для плану (F5)</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="65" />
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="65" />
        <source>Cancel the running work (Esc)</source>
        <translation>Скасувати поточну роботу (Esc)</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="73" />
        <source>Duplicate plan as &amp;variant</source>
        <translation>Копія плану як &amp;варіант</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="77" />
        <source>A what-if variant of this plan: record map edits into it, run, compare</source>
        <translation>Варіант «що, якщо» цього плану: запишіть у нього зміни на карті, запустіть, порівняйте</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="79" />
        <source>Open variants file…</source>
        <translation>Відкрити файл варіантів…</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="81" />
        <source>&amp;Run variants</source>
        <translation>&amp;Запустити варіанти</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="85" />
        <source>Compute the base and every variant and sweep, and compare them</source>
        <translation>Розрахувати базовий план, кожен варіант і серію та порівняти їх</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="87" />
        <source>Hide variant routes</source>
        <translation>Сховати маршрути варіанту</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="88" />
        <source>Fit to plan</source>
        <translation>Увесь план</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="89" />
        <source>Fit to network</source>
        <translation>Уся мережа</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="90" />
        <source>Use network from the store…</source>
        <translation>Вибрати мережу зі сховища…</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="91" />
        <source>Import OSM file…</source>
        <translation>Імпортувати файл OSM…</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="92" />
        <source>Delete</source>
        <translation>Видалити</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="94" />
        <source>About evacplan</source>
        <translation>Про evacplan</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="115" />
        <location filename="../../ui/window/actions.py" line="206" />
        <source>&amp;Undo</source>
        <translation>&amp;Відмінити</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="117" />
        <location filename="../../ui/window/actions.py" line="211" />
        <source>&amp;Redo</source>
        <translation>&amp;Повторити</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="126" />
        <location filename="../../ui/window/actions.py" line="207" />
        <location filename="../../ui/window/actions.py" line="208" />
        <source>Undo</source>
        <translation>Відмінити</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="127" />
        <location filename="../../ui/window/actions.py" line="212" />
        <location filename="../../ui/window/actions.py" line="213" />
        <source>Redo</source>
        <translation>Повторити</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="133" />
        <source>&amp;File</source>
        <translation>&amp;Файл</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="135" />
        <source>Open &amp;recent</source>
        <translation>Нещодавні &amp;плани</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="139" />
        <source>&amp;Export</source>
        <translation>&amp;Експорт</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="145" />
        <source>&amp;Edit</source>
        <translation>&amp;Правка</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="150" />
        <source>Preferences…</source>
        <translation>Налаштування…</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="153" />
        <source>&amp;View</source>
        <translation>&amp;Вигляд</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="156" />
        <source>&amp;Tools</source>
        <translation>&amp;Інструменти</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="158" />
        <source>&amp;Plan</source>
        <translation>П&amp;лан</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="162" />
        <source>&amp;Networks</source>
        <translation>&amp;Мережі</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="165" />
        <source>Fetch from OpenStreetMap</source>
        <translation>Завантажити з OpenStreetMap</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="169" />
        <source>&amp;Help</source>
        <translation>&amp;Довідка</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="191" />
        <source>Tool: select</source>
        <translation>Інструмент: вибір</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="206" />
        <source>&amp;Undo {edit}</source>
        <translation>&amp;Відмінити: {edit}</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="208" />
        <source>Undo {edit}</source>
        <translation>Відмінити: {edit}</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="211" />
        <source>&amp;Redo {edit}</source>
        <translation>&amp;Повторити: {edit}</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="213" />
        <source>Redo {edit}</source>
        <translation>Повторити: {edit}</translation>
    </message>
</context>
<context>
    <name>ConvoyLayer</name>
    <message>
        <location filename="../../ui/convoys/layer.py" line="189" />
        <source>{convoy} · {n} vehicles · {people} people</source>
        <translation>{convoy} · машин: {n} · людей: {people}</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/layer.py" line="194" />
        <source>from {a} to {b}</source>
        <translation>від {a} до {b}</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/layer.py" line="200" />
        <source>until {t}</source>
        <translation>до {t}</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/layer.py" line="209" />
        <source>{n} on the road</source>
        <translation>у дорозі: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/layer.py" line="210" />
        <source>{n} boarding</source>
        <translation>посадка: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/layer.py" line="211" />
        <source>{n} at checkpoints</source>
        <translation>на блокпостах: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/layer.py" line="212" />
        <source>{n} done</source>
        <translation>завершено: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/layer.py" line="215" />
        <source>{n} halted</source>
        <translation>на зупинці: {n}</translation>
    </message>
</context>
<context>
    <name>ConvoyState</name>
    <message>
        <location filename="../../ui/convoys/common.py" line="66" />
        <source>forming up, not yet departed</source>
        <translation>формується, ще не виїхала</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="67" />
        <source>on the road</source>
        <translation>у дорозі</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="68" />
        <source>boarding at an assembly point</source>
        <translation>посадка в пункті збору</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="69" />
        <source>queued at a checkpoint</source>
        <translation>у черзі на блокпосту</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="70" />
        <source>being checked at a checkpoint</source>
        <translation>перевірка на блокпосту</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="71" />
        <source>halted</source>
        <translation>зупинка</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="72" />
        <source>unloading at the reception point</source>
        <translation>висадка в пункті прийому</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="73" />
        <source>round finished</source>
        <translation>рейс завершено</translation>
    </message>
</context>
<context>
    <name>Direction</name>
    <message>
        <location filename="../../ui/convoys/common.py" line="94" />
        <location filename="../../ui/panels/gantt.py" line="123" />
        <source>in (empty)</source>
        <translation>туди (порожня)</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="95" />
        <location filename="../../ui/panels/gantt.py" line="125" />
        <source>out (loaded)</source>
        <translation>назад (з людьми)</translation>
    </message>
</context>
<context>
    <name>ElementsTree</name>
    <message>
        <location filename="../../ui/panels/elements.py" line="14" />
        <source>Pickups</source>
        <translation>Пункти збору</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="15" />
        <source>Destinations</source>
        <translation>Пункти прийому</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="16" />
        <source>Depots</source>
        <translation>Бази транспорту</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="17" />
        <source>Corridors</source>
        <translation>Коридори</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="18" />
        <source>Checkpoints</source>
        <translation>Блокпости</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="19" />
        <source>Hazard zones</source>
        <translation>Небезпечні зони</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="20" />
        <source>Road closures</source>
        <translation>Перекриті дороги</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="24" />
        <source>Assembly points where people wait for the buses</source>
        <translation>Пункти збору, де люди чекають на автобуси</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="25" />
        <source>Reception points where the convoys unload</source>
        <translation>Пункти прийому, де колони висаджують людей</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="26" />
        <source>Staging areas the vehicles start from</source>
        <translation>Місця зосередження, звідки виїжджає транспорт</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="27" />
        <source>Agreed safe routes the convoys must keep to</source>
        <translation>Погоджені безпечні маршрути, яких мають триматися колони</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="28" />
        <source>Inspection points every vehicle passes, one at a time per lane</source>
        <translation>Пункти перевірки, через які проходить кожна машина, по одній на смугу</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="29" />
        <source>Areas the routes avoid or cross slowly</source>
        <translation>Райони, які маршрути оминають або проходять повільно</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="30" />
        <source>Roads that are closed</source>
        <translation>Дороги, що перекриті</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="86" />
        <source>Element</source>
        <translation>Елемент</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="86" />
        <source>Details</source>
        <translation>Подробиці</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="102" />
        <source>Delete</source>
        <translation>Видалити</translation>
    </message>
    <message>
        <location filename="../../ui/panels/elements.py" line="207" />
        <source>Show on map</source>
        <translation>Показати на карті</translation>
    </message>
</context>
<context>
    <name>Gantt</name>
    <message>
        <location filename="../../ui/panels/gantt.py" line="96" />
        <source>{convoy} · escort {escort}, round {round} · {n} vehicles · {people} people</source>
        <translation>{convoy} · супровід {escort}, рейс {round} · машин: {n} · людей: {people}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/gantt.py" line="118" />
        <source>{checkpoint}: convoy {convoy}, {direction}, {n} vehicles, {people} people
waited {wait}</source>
        <translation>{checkpoint}: колона {convoy}, {direction}, машин: {n}, людей: {people}
очікування {wait}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/gantt.py" line="180" />
        <source>{checkpoint} queue</source>
        <translation>черга {checkpoint}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/gantt.py" line="253" />
        <source>max queue {n}</source>
        <translation>макс. черга {n}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/gantt.py" line="255" />
        <source>no queue</source>
        <translation>без черги</translation>
    </message>
    <message>
        <location filename="../../ui/panels/gantt.py" line="280" />
        <source>window end</source>
        <translation>кінець вікна</translation>
    </message>
</context>
<context>
    <name>GanttPanel</name>
    <message>
        <location filename="../../ui/panels/gantt.py" line="328" />
        <source>The schedule has no convoys.</source>
        <translation>У розкладі немає колон.</translation>
    </message>
</context>
<context>
    <name>KpiPanel</name>
    <message>
        <location filename="../../ui/panels/results.py" line="332" />
        <source>People out</source>
        <translation>Вивезено людей</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="333" />
        <source>Demand</source>
        <translation>Потреба</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="334" />
        <source>Upper bound</source>
        <translation>Верхня межа</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="335" />
        <source>Gap to bound</source>
        <translation>Відрив від межі</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="336" />
        <source>Finish</source>
        <translation>Завершення</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="337" />
        <source>Convoys</source>
        <translation>Колони</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="338" />
        <source>Vehicles per convoy</source>
        <translation>Машин на колону</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="339" />
        <source>Vehicle-km</source>
        <translation>Машино-км</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="340" />
        <source>Seat use</source>
        <translation>Заповнення місць</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="397" />
        <source>Assembly point</source>
        <translation>Пункт збору</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="397" />
        <source>People</source>
        <translation>Людей</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="397" />
        <source>Why</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="426" />
        <source>&lt;b&gt;Not served:&lt;/b&gt; nobody — every person in the plan gets out.</source>
        <translation>&lt;b&gt;Не вивезено:&lt;/b&gt; нікого — усіх людей за планом вивезено.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="429" />
        <source>&lt;b&gt;Not served&lt;/b&gt; ({n} people)</source>
        <translation>&lt;b&gt;Не вивезено&lt;/b&gt; (людей: {n})</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/window/actions.py" line="15" />
        <source>Select / move</source>
        <translation>Вибрати / перемістити</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="16" />
        <source>Place pickup</source>
        <translation>Поставити пункт збору</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="17" />
        <source>Place destination</source>
        <translation>Поставити пункт прийому</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="18" />
        <source>Place depot</source>
        <translation>Поставити базу транспорту</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="19" />
        <source>Place checkpoint</source>
        <translation>Поставити блокпост</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="20" />
        <source>Draw corridor</source>
        <translation>Накреслити коридор</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="21" />
        <source>Draw hazard zone</source>
        <translation>Накреслити небезпечну зону</translation>
    </message>
    <message>
        <location filename="../../ui/window/actions.py" line="22" />
        <source>Close road</source>
        <translation>Перекрити дорогу</translation>
    </message>
    <message>
        <location filename="../../ui/window/files.py" line="25" />
        <source>PDF (convoy sheets and driver cards)…</source>
        <translation>PDF (аркуші колон і картки водіїв)…</translation>
    </message>
    <message>
        <location filename="../../ui/window/files.py" line="30" />
        <source>CSV (trips and manifests)…</source>
        <translation>CSV (рейси та списки пасажирів)…</translation>
    </message>
    <message>
        <location filename="../../ui/window/files.py" line="33" />
        <source>GeoJSON (layers and routes)…</source>
        <translation>GeoJSON (шари й маршрути)…</translation>
    </message>
    <message>
        <location filename="../../ui/window/files.py" line="38" />
        <source>GPX (one route per convoy)…</source>
        <translation>GPX (один маршрут на колону)…</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="158" />
        <source>What-if: New variant duplicates the plan (Plan ▸ Duplicate plan as variant); Record edits turns map edits into its changes; Open… reads a variants file. Run all compares them with the base.</source>
        <translation>«Що, якщо»: новий варіант — копія плану (План ▸ Копія плану як варіант); «Записати зміни» перетворює правки на карті на його зміни; «Відкрити…» читає файл варіантів. «Запустити всі» порівнює їх із базовим планом.</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="163" />
        <source>Plan as opened (your edits follow; click one to go back to it)</source>
        <translation>План у відкритому вигляді (далі ваші зміни; клацніть зміну, щоб повернутися до неї)</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="165" />
        <source>Palette</source>
        <translation>Палітра</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="166" />
        <source>Elements</source>
        <translation>Елементи</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="167" />
        <source>Summary</source>
        <translation>Підсумок</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="168" />
        <source>Properties</source>
        <translation>Властивості</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="170" />
        <source>Convoys</source>
        <translation>Колони</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="172" />
        <source>Gantt</source>
        <translation>Діаграма Ганта</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="173" />
        <source>Routes</source>
        <translation>Маршрути</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="174" />
        <location filename="../../ui/window/main.py" line="253" />
        <source>Problems</source>
        <translation>Проблеми</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="180" />
        <source>Variants</source>
        <translation>Варіанти</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="181" />
        <source>History</source>
        <translation>Історія</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="242" />
        <source>Tool: {name}</source>
        <translation>Інструмент: {name}</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="251" />
        <source>Problems ({e} errors, {w} warnings)</source>
        <translation>Проблеми (помилок: {e}, попереджень: {w})</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="348" />
        <source>About evacplan</source>
        <translation>Про evacplan</translation>
    </message>
    <message>
        <location filename="../../ui/window/main.py" line="350" />
        <source>&lt;b&gt;evacplan&lt;/b&gt; — offline planner for humanitarian evacuations by bus convoy.&lt;br&gt;Road data © OpenStreetMap contributors (ODbL 1.0).</source>
        <translation>&lt;b&gt;evacplan&lt;/b&gt; — офлайн-планувальник гуманітарних евакуацій автобусними колонами.&lt;br&gt;Дані доріг © учасники OpenStreetMap (ODbL 1.0).</translation>
    </message>
</context>
<context>
    <name>MapResults</name>
    <message>
        <location filename="../../ui/map/results.py" line="193" />
        <source>{n} passages · queue {q} · wait {w}</source>
        <translation>проходжень: {n} · черга {q} · очікування {w}</translation>
    </message>
    <message>
        <location filename="../../ui/map/results.py" line="196" />
        <source>{n} passages · no queue</source>
        <translation>проходжень: {n} · без черги</translation>
    </message>
</context>
<context>
    <name>Palette</name>
    <message>
        <location filename="../../ui/icons.py" line="20" />
        <source>Pickup (assembly point)</source>
        <translation>Пункт збору</translation>
    </message>
    <message>
        <location filename="../../ui/icons.py" line="21" />
        <source>Destination (reception)</source>
        <translation>Пункт прийому</translation>
    </message>
    <message>
        <location filename="../../ui/icons.py" line="22" />
        <source>Depot (vehicles)</source>
        <translation>База транспорту</translation>
    </message>
    <message>
        <location filename="../../ui/icons.py" line="23" />
        <source>Checkpoint</source>
        <translation>Блокпост</translation>
    </message>
    <message>
        <location filename="../../ui/icons.py" line="24" />
        <source>Corridor</source>
        <translation>Коридор</translation>
    </message>
    <message>
        <location filename="../../ui/icons.py" line="25" />
        <source>Hazard zone</source>
        <translation>Небезпечна зона</translation>
    </message>
    <message>
        <location filename="../../ui/icons.py" line="26" />
        <source>Road closure</source>
        <translation>Перекриття дороги</translation>
    </message>
    <message>
        <location filename="../../ui/palette.py" line="22" />
        <source>Assembly point with a head-count. Drag onto the map, or click and then click the map.</source>
        <translation>Пункт збору з кількістю людей. Перетягніть на карту або клацніть тут, а потім на карті.</translation>
    </message>
    <message>
        <location filename="../../ui/palette.py" line="25" />
        <source>Reception point where people are taken.</source>
        <translation>Пункт прийому, куди вивозять людей.</translation>
    </message>
    <message>
        <location filename="../../ui/palette.py" line="26" />
        <source>Where vehicles start.</source>
        <translation>Звідки виїжджає транспорт.</translation>
    </message>
    <message>
        <location filename="../../ui/palette.py" line="27" />
        <source>Checkpoint on the road: minutes per vehicle, lanes, opening hours.</source>
        <translation>Блокпост на дорозі: хвилини на машину, смуги, години роботи.</translation>
    </message>
    <message>
        <location filename="../../ui/palette.py" line="28" />
        <source>The agreed road: click vertices on the map, double-click to end.</source>
        <translation>Погоджена дорога: клацайте вершини на карті, подвійне клацання — кінець.</translation>
    </message>
    <message>
        <location filename="../../ui/palette.py" line="29" />
        <source>Dangerous area (blocked or slow): click its corners, double-click to end.</source>
        <translation>Небезпечний район (закритий або повільний): клацайте його кути, подвійне клацання — кінець.</translation>
    </message>
    <message>
        <location filename="../../ui/palette.py" line="30" />
        <source>A destroyed bridge or blocked road: click the road.</source>
        <translation>Зруйнований міст або перекрита дорога: клацніть дорогу.</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../ui/settings.py" line="100" />
        <source>Preferences</source>
        <translation>Налаштування</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="104" />
        <source>min</source>
        <translation>хв</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="106" />
        <source>Autosave unsaved changes for recovery every</source>
        <translation>Автозбереження незбережених змін для відновлення кожні</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="108" />
        <source>System language ({name})</source>
        <translation>Мова системи ({name})</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="112" />
        <source>Language</source>
        <translation>Мова</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="113" />
        <source>A new language applies when evacplan next starts.</source>
        <translation>Нова мова застосовується після перезапуску evacplan.</translation>
    </message>
</context>
<context>
    <name>ProblemsPanel</name>
    <message>
        <location filename="../../ui/panels/problems.py" line="32" />
        <source>Element</source>
        <translation>Елемент</translation>
    </message>
    <message>
        <location filename="../../ui/panels/problems.py" line="32" />
        <source>Problem</source>
        <translation>Проблема</translation>
    </message>
    <message>
        <location filename="../../ui/panels/problems.py" line="122" />
        <source>No problems found: the plan can be computed.</source>
        <translation>Проблем не знайдено: план можна розрахувати.</translation>
    </message>
</context>
<context>
    <name>Reason</name>
    <message>
        <location filename="../../ui/convoys/common.py" line="102" />
        <source>unreachable</source>
        <translation>недосяжно</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="103" />
        <source>destination capacity</source>
        <translation>місткість пункту прийому</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="104" />
        <source>window</source>
        <translation>вікно</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="105" />
        <source>checkpoint throughput</source>
        <translation>пропускна здатність блокпостів</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="106" />
        <source>escorts</source>
        <translation>супровід</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="107" />
        <source>fleet</source>
        <translation>транспорт</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="108" />
        <source>priority rule</source>
        <translation>правило пріоритету</translation>
    </message>
</context>
<context>
    <name>Results</name>
    <message>
        <location filename="../../ui/panels/results.py" line="52" />
        <source>No results yet: press Compute (F5) to route and schedule the plan.</source>
        <translation>Результатів ще немає: натисніть «Розрахувати» (F5), щоб прокласти маршрути й скласти розклад.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="56" />
        <source>The plan was not scheduled: see the Problems list.</source>
        <translation>Розклад для плану не складено: див. список «Проблеми».</translation>
    </message>
</context>
<context>
    <name>RoutesPanel</name>
    <message>
        <location filename="../../ui/panels/results.py" line="109" />
        <source>From</source>
        <translation>Звідки</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="110" />
        <source>To</source>
        <translation>Куди</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="111" />
        <source>Route</source>
        <translation>Маршрут</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="112" />
        <source>Length</source>
        <translation>Довжина</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="113" />
        <source>Drive time</source>
        <translation>Час у дорозі</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="114" />
        <source>Checkpoints</source>
        <translation>Блокпости</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="135" />
        <source>No pickup can reach a destination: see the Problems list.</source>
        <translation>Жоден пункт збору не має шляху до пункту прийому: див. список «Проблеми».</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="139" />
        <source>none</source>
        <translation>немає</translation>
    </message>
</context>
<context>
    <name>SchedulePanel</name>
    <message>
        <location filename="../../ui/panels/results.py" line="162" />
        <source>Convoy</source>
        <translation>Колона</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="163" />
        <source>Escort</source>
        <translation>Супровід</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="164" />
        <source>Round</source>
        <translation>Рейс</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="165" />
        <location filename="../../ui/panels/results.py" line="183" />
        <source>Vehicles</source>
        <translation>Машин</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="166" />
        <source>Forms at</source>
        <translation>Формується в</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="167" />
        <source>Departs</source>
        <translation>Виїзд</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="168" />
        <source>Latest safe departure</source>
        <translation>Найпізніший безпечний виїзд</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="169" />
        <source>Stops (boarded)</source>
        <translation>Зупинки (посаджено)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="170" />
        <source>Reception point</source>
        <translation>Пункт прийому</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="171" />
        <location filename="../../ui/panels/results.py" line="179" />
        <source>Arrives</source>
        <translation>Прибуття</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="172" />
        <location filename="../../ui/panels/results.py" line="184" />
        <source>People</source>
        <translation>Людей</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="177" />
        <source>Direction</source>
        <translation>Напрямок</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="178" />
        <source>Checkpoint</source>
        <translation>Блокпост</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="180" />
        <source>Check starts</source>
        <translation>Початок перевірки</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="181" />
        <source>Wait</source>
        <translation>Очікування</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="182" />
        <source>Clear</source>
        <translation>Пропущено</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="188" />
        <source>Vehicle</source>
        <translation>Машина</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="188" />
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="188" />
        <source>Seats</source>
        <translation>Місць</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="188" />
        <source>Passengers</source>
        <translation>Пасажирів</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="188" />
        <source>Boarded at</source>
        <translation>Посадка в</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="229" />
        <source>The schedule has no convoys: nobody can leave in this window (see the Summary).</source>
        <translation>У розкладі немає колон: у цьому вікні ніхто не може виїхати (див. «Підсумок»).</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="282" />
        <source>Select a convoy to see its checkpoint passages and vehicles.</source>
        <translation>Виберіть колону, щоб побачити її проходження блокпостів і машини.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="287" />
        <source>&lt;b&gt;{convoy}&lt;/b&gt;: {n} checkpoint passages in, {m} out; {people} people on {vehicles} vehicles</source>
        <translation>&lt;b&gt;{convoy}&lt;/b&gt;: проходжень блокпостів туди: {n}, назад: {m}; людей: {people}, машин: {vehicles}</translation>
    </message>
</context>
<context>
    <name>Segment</name>
    <message>
        <location filename="../../ui/convoys/common.py" line="81" />
        <source>driving in (empty)</source>
        <translation>рух туди (порожня)</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="82" />
        <source>boarding</source>
        <translation>посадка</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="83" />
        <source>queued at a checkpoint</source>
        <translation>у черзі на блокпосту</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="84" />
        <source>checkpoint passage</source>
        <translation>проходження блокпосту</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="85" />
        <source>halt</source>
        <translation>зупинка</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="86" />
        <source>driving out (loaded)</source>
        <translation>рух назад (з людьми)</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="87" />
        <source>unloading</source>
        <translation>висадка</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../ui/panels/start.py" line="36" />
        <source>No connection to OpenStreetMap from this machine. Import an OpenStreetMap extract of Ukraine (for example &lt;b&gt;ukraine-latest.osm.pbf&lt;/b&gt; from download.geofabrik.de) as network &lt;b&gt;{network}&lt;/b&gt; clipped to {bbox}: &lt;i&gt;Networks → Import OSM file…&lt;/i&gt;, or&lt;br&gt;&lt;code&gt;evacplan data import ukraine-latest.osm.pbf --name {network} --bbox {bbox}&lt;/code&gt;</source>
        <translation>З цього комп’ютера немає з’єднання з OpenStreetMap. Імпортуйте витяг OpenStreetMap для України (наприклад, &lt;b&gt;ukraine-latest.osm.pbf&lt;/b&gt; з download.geofabrik.de) як мережу &lt;b&gt;{network}&lt;/b&gt;, обрізану до {bbox}: &lt;i&gt;Мережі → Імпортувати файл OSM…&lt;/i&gt;, або&lt;br&gt;&lt;code&gt;evacplan data import ukraine-latest.osm.pbf --name {network} --bbox {bbox}&lt;/code&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="86" />
        <source>Evacuation convoys through negotiated corridors: routes, convoy schedules and how many people can leave in a window.</source>
        <translation>Евакуаційні колони через погоджені коридори: маршрути, розклади колон і скільки людей може виїхати за вікно.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="100" />
        <source>Mariupol 2022: Azovstal to Zaporizhzhia</source>
        <translation>Маріуполь 2022: з «Азовсталі» до Запоріжжя</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="101" />
        <source>The UN/ICRC operation of 30 April 2022: Azovstal bunkers and city assembly points, the corridor west through Manhush, Berdiansk, Tokmak and Vasylivka, about 20 checkpoints.</source>
        <translation>Операція ООН/МКЧХ 30 квітня 2022 року: укриття «Азовсталі» та міські пункти збору, коридор на захід через Мангуш, Бердянськ, Токмак і Василівку, близько 20 блокпостів.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="109" />
        <source>Open plan</source>
        <translation>Відкрити план</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="111" />
        <source>Fetch network from OpenStreetMap</source>
        <translation>Завантажити мережу з OpenStreetMap</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="113" />
        <source>Import OSM file…</source>
        <translation>Імпортувати файл OSM…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="124" />
        <source>Offline demo: Neubrandenburg drill</source>
        <translation>Офлайн-демо: навчання в Нойбранденбурзі</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="125" />
        <source>A drill on the bundled Neubrandenburg road network (OpenStreetMap, ships with evacplan): assembly points, the B 96 south corridor, checkpoints and a bus depot. Works without internet.</source>
        <translation>Навчання на вбудованій дорожній мережі Нойбранденбурга (OpenStreetMap, постачається з evacplan): пункти збору, південний коридор B 96, блокпости й автобусна база. Працює без інтернету.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="127" />
        <source>Open demo plan</source>
        <translation>Відкрити демо-план</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="139" />
        <source>Recent plans</source>
        <translation>Нещодавні плани</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="139" />
        <location filename="../../ui/panels/start.py" line="185" />
        <source>Double-click to open.</source>
        <translation>Двічі клацніть, щоб відкрити.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="146" />
        <source>Open…</source>
        <translation>Відкрити…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="155" />
        <source>New plan</source>
        <translation>Новий план</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="156" />
        <source>Start an empty plan on a road network from the store (the demo network is always there; import more from OpenStreetMap files with Networks → Import OSM file…).</source>
        <translation>Почніть порожній план на дорожній мережі зі сховища (демо-мережа є завжди; інші імпортуйте з файлів OpenStreetMap через Мережі → Імпортувати файл OSM…).</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="164" />
        <source>New plan…</source>
        <translation>Новий план…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="183" />
        <source>{path} (missing)</source>
        <translation>{path} (відсутній)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="186" />
        <source>No recent plans yet: plans you open or save appear here.</source>
        <translation>Нещодавніх планів ще немає: тут з’являться плани, які ви відкриєте або збережете.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="190" />
        <source>Networks in the store: {names}</source>
        <translation>Мережі у сховищі: {names}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="191" />
        <source>none</source>
        <translation>немає</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="197" />
        <source>The plan file {path} is missing from this installation.</source>
        <translation>Файлу плану {path} немає в цій інсталяції.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="202" />
        <source>Network &lt;b&gt;{network}&lt;/b&gt; is in the store.</source>
        <translation>Мережа &lt;b&gt;{network}&lt;/b&gt; є у сховищі.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="207" />
        <source>Its road network &lt;b&gt;{network}&lt;/b&gt; is not in the store yet.</source>
        <translation>Його дорожньої мережі &lt;b&gt;{network}&lt;/b&gt; ще немає у сховищі.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="208" />
        <source>Checking for a connection to OpenStreetMap…</source>
        <translation>Перевірка з’єднання з OpenStreetMap…</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="218" />
        <source>Its road network &lt;b&gt;{network}&lt;/b&gt; is not in the store yet: fetch it from OpenStreetMap (a few minutes), or import a file you have.</source>
        <translation>Його дорожньої мережі &lt;b&gt;{network}&lt;/b&gt; ще немає у сховищі: завантажте її з OpenStreetMap (кілька хвилин) або імпортуйте наявний файл.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/start.py" line="223" />
        <source>Its road network &lt;b&gt;{network}&lt;/b&gt; is not in the store.</source>
        <translation>Його дорожньої мережі &lt;b&gt;{network}&lt;/b&gt; немає у сховищі.</translation>
    </message>
</context>
<context>
    <name>TimeSlider</name>
    <message>
        <location filename="../../ui/convoys/slider.py" line="37" />
        <source>Play the schedule</source>
        <translation>Відтворити розклад</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/slider.py" line="39" />
        <source>Time:</source>
        <translation>Час:</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/slider.py" line="41" />
        <source>Where every convoy is at this time</source>
        <translation>Де перебуває кожна колона в цей час</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/slider.py" line="71" />
        <source>no schedule</source>
        <translation>розкладу немає</translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <location filename="../../ui/convoys/common.py" line="58" />
        <source>h</source>
        <translation>год</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="59" />
        <source>min</source>
        <translation>хв</translation>
    </message>
</context>
</TS>
